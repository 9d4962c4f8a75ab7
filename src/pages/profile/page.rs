//! The profile page: read, show, edit, save, read again.

use leptos::html::Button;
use leptos::prelude::*;

use super::edit::ProfileForm;
use super::view::{Avatar, ProfileView};
use crate::i18n::{use_i18n, Key, Message};
use crate::pages::{Access, Load, LoadFailed, Loader, Loading, Notice};
use crate::ui::unique_id;

/// The signed-in person's profile, with an Edit button. A save is confirmed on screen and the
/// profile read again. Needs the widget's context and session (inside `LoginWidget`); a 401
/// signs out.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let access = Access::from_context();
    let loader = Loader::new(
        access,
        |client| async move { client.profile().await },
        |_| true,
    );
    let profile = loader.state;
    let editing = RwSignal::new(false);
    let notice = RwSignal::new(None::<Message>);
    let edit_ref = NodeRef::<Button>::new();
    let title_id = unique_id("profile-title");

    let load = move || loader.reload();

    let back_to_view = move || {
        editing.set(false);
        request_animation_frame(move || {
            if let Some(b) = edit_ref.get_untracked() {
                let _ = b.focus();
            }
        });
    };
    let on_saved = Callback::new(move |()| {
        notice.try_set(Some(Message::Key(Key::ProfileSaved)));
        editing.try_set(false);
        load();
    });
    let on_cancel = Callback::new(move |()| back_to_view());

    let body = move || match profile.get() {
        Load::Loading => view! { <Loading /> }.into_any(),
        Load::Failed(m) => {
            view! { <LoadFailed message=m on_retry=Callback::new(move |()| load()) /> }.into_any()
        }
        Load::Ready(p) if editing.get() => view! {
            <ProfileForm profile=p on_saved=on_saved on_cancel=on_cancel />
        }
        .into_any(),
        Load::Ready(p) => {
            let name = p
                .nick_name
                .clone()
                .or(p.user_name.clone())
                .unwrap_or_default();
            let avatar = p.avatar.clone().unwrap_or_default();
            view! {
                <div class="oa-profile__head">
                    <Avatar url=avatar name=name.clone() />
                    <p class="oa-profile__name">{name}</p>
                </div>
                <ProfileView profile=p />
                <button
                    type="button"
                    class="oa-button oa-button--secondary oa-profile__edit"
                    node_ref=edit_ref
                    on:click=move |_| {
                        notice.set(None);
                        editing.set(true);
                    }
                >
                    {i18n.text(Key::ProfileEdit)}
                </button>
            }
            .into_any()
        }
    };

    let labelled = title_id.clone();
    view! {
        <section class="oa-page oa-profile" aria-labelledby=labelled>
            <h2 class="oa-page__title" id=title_id>{i18n.text(Key::AccountProfile)}</h2>
            <Notice message=notice />
            {body}
        </section>
    }
}
