//! The profile form: nickname, avatar URL with a live preview, custom data.

use leptos::html::Textarea;
use leptos::prelude::*;

use super::view::Avatar;
use crate::api::{Profile, UpdateProfileRequest};
use crate::i18n::{use_i18n, Key, Message};
use crate::pages::Access;
use crate::ui::unique_id;
use crate::ui::FormError;
use crate::ui::SubmitButton;
use crate::ui::{focus_first_invalid, guarded_submit, Field, FieldState};
use crate::validate;
use crate::validate::profile::{check_avatar, check_data};

/// Edits `profile`; `on_saved` runs once the server took the change.
#[component]
pub fn ProfileForm(
    /// The profile as last read.
    profile: Profile,
    /// Called after a successful save.
    on_saved: Callback<()>,
    /// Called when the person gives up editing.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let access = Access::from_context();
    let nickname = FieldState::new();
    nickname
        .value
        .set(profile.nick_name.clone().unwrap_or_default());
    let avatar = FieldState::new();
    avatar.value.set(profile.avatar.clone().unwrap_or_default());
    let data = RwSignal::new(profile.data.clone().unwrap_or_default());
    let data_error = RwSignal::new(None::<Message>);
    let data_ref = NodeRef::<Textarea>::new();
    let error = RwSignal::new(None::<Message>);
    let data_id = unique_id("profile-data");
    let data_error_id = format!("{data_id}-error");
    let fallback_name = profile
        .nick_name
        .clone()
        .or(profile.user_name.clone())
        .unwrap_or_default();

    let save = Action::new_local(move |req: &UpdateProfileRequest| {
        let req = req.clone();
        let client = access.client();
        async move {
            match client.update_profile(&req).await {
                Ok(true) => on_saved.run(()),
                Ok(false) => {
                    error.try_set(Some(Message::Key(Key::ErrorRefused)));
                }
                Err(e) => {
                    error.try_set(Some(access.fail(&e)));
                }
            }
        }
    });
    let busy = save.pending();

    let on_submit = guarded_submit(busy, error, move || {
        let n = nickname.check(validate::nickname);
        let a = avatar.check(check_avatar);
        let d = match check_data(&data.get_untracked()) {
            Ok(d) => {
                data_error.set(None);
                Some(d)
            }
            Err(m) => {
                data_error.set(Some(m));
                None
            }
        };
        match (n, a, d) {
            (Some(nick_name), Some(avatar), Some(data)) => {
                save.dispatch_local(UpdateProfileRequest {
                    avatar,
                    nick_name,
                    data,
                });
            }
            _ => {
                if !focus_first_invalid(&[nickname, avatar]) {
                    if let Some(el) = data_ref.get_untracked() {
                        let _ = el.focus();
                    }
                }
            }
        }
    });

    let data_invalid = move || data_error.with(Option::is_some);
    let preview_name = Signal::derive(move || {
        let n = nickname.value.get();
        if n.trim().is_empty() {
            fallback_name.clone()
        } else {
            n
        }
    });
    view! {
        <form class="oa-form oa-profile__form" novalidate on:submit=on_submit>
            <Field state=nickname name="nickName" label=Key::ProfileNickname autocomplete="nickname" disabled=busy />
            <Field state=avatar name="avatar" label=Key::ProfileAvatarUrl kind="url" autocomplete="photo" disabled=busy />
            <div class="oa-profile__preview">
                <span class="oa-profile__preview-label">{i18n.text(Key::ProfileAvatarPreview)}</span>
                <Avatar url=avatar.value name=preview_name />
            </div>
            <div class=move || if data_invalid() { "oa-field oa-field--invalid" } else { "oa-field" }>
                <label class="oa-field__label" for=data_id.clone()>{i18n.text(Key::ProfileData)}</label>
                <textarea
                    class="oa-field__input oa-field__textarea"
                    id=data_id
                    name="data"
                    rows="5"
                    spellcheck="false"
                    node_ref=data_ref
                    disabled=move || busy.get()
                    aria-invalid=move || if data_invalid() { "true" } else { "false" }
                    aria-describedby={
                        let id = data_error_id.clone();
                        move || data_invalid().then(|| id.clone())
                    }
                    prop:value=move || data.get()
                    on:input=move |ev| {
                        data.set(event_target_value(&ev));
                        data_error.set(None);
                    }
                ></textarea>
                <p class="oa-field__error" id=data_error_id hidden=move || !data_invalid()>
                    {move || data_error.with(|m| m.as_ref().map(|m| i18n.render(m)).unwrap_or_default())}
                </p>
            </div>
            <FormError error=error />
            <div class="oa-page__actions">
                <button
                    type="button"
                    class="oa-button oa-button--secondary oa-profile__cancel"
                    disabled=move || busy.get()
                    on:click=move |_| on_cancel.run(())
                >
                    {i18n.text(Key::ProfileCancel)}
                </button>
                <SubmitButton label=Signal::derive(move || if busy.get() { Key::ProfileSaving } else { Key::ProfileSave }) busy=busy class="oa-profile__save" />
            </div>
        </form>
    }
}
