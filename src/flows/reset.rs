//! Resetting a forgotten password by phone or email, with a `forgetpwd` code.

use leptos::prelude::*;

use crate::api::{CodePurpose, ResetPwdRequest};
use crate::flows::code::channel::Channel;
use crate::flows::code::contact_inputs::{ContactFields, ContactInputs};
use crate::flows::context::use_login;
use crate::i18n::{use_i18n, Key, Message};
use crate::ui::FormError;
use crate::ui::{focus_first_invalid, guarded_submit, Field, FieldState};
use crate::ui::{ChoiceGroup, SubmitButton};
use crate::validate;

/// The reset form: phone or email, a `forgetpwd` code, the new password twice. On success it
/// announces it and calls `on_done` with the phone or email (to fill in at sign-in, D10).
#[component]
pub fn ResetPasswordForm(
    /// Called with the phone or email after a successful reset.
    on_done: Callback<String>,
    /// Called when the person goes back without resetting.
    #[prop(optional)]
    on_back: Option<Callback<()>>,
    /// The channel first chosen.
    #[prop(default = Channel::Phone)]
    channel: Channel,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_login();
    let config = ctx.config();
    let channel = RwSignal::new(channel);
    let phone = ContactFields::new();
    let email = ContactFields::new();
    let pwd = FieldState::new();
    let confirm = FieldState::new();
    let error = RwSignal::new(None::<Message>);
    let on_code_error = Callback::new(move |m: Option<Message>| error.set(m));

    let submit = Action::new_local(move |req: &(ResetPwdRequest, String)| {
        let (req, to) = req.clone();
        let client = ctx.client();
        async move {
            match client.reset_pwd(&req).await {
                Ok(_) => {
                    ctx.announce(Key::ResetDone);
                    on_done.run(to);
                }
                Err(e) => ctx.failed(error, &e),
            }
        }
    });
    let busy = submit.pending();

    let on_submit = guarded_submit(busy, error, move || {
        let ch = channel.get_untracked();
        let contact = if ch == Channel::Phone { phone } else { email };
        let checked = contact.check(ch, config.allow_international);
        let p = pwd.check(|v| validate::password(v, config.min_pwd));
        let c = confirm.check(|v| validate::confirm(&pwd.value.get_untracked(), v));
        match (checked, p, c) {
            (Some((to, code)), Some(pwd), Some(_)) => {
                ctx.announce(Key::ResetBusy);
                let req = ResetPwdRequest {
                    target: ch.reset_target(to.clone()),
                    code,
                    pwd,
                };
                submit.dispatch_local((req, to));
            }
            _ => {
                focus_first_invalid(&[contact.recipient, contact.code, pwd, confirm]);
            }
        }
    });

    view! {
        <form class="oa-form oa-form--reset" novalidate on:submit=on_submit>
            <h2 class="oa-form__title">{i18n.text(Key::ResetTitle)}</h2>
            <ChoiceGroup
                legend=Key::ResetMethod
                choices=vec![
                    (Channel::Phone, Channel::Phone.input_name(), Key::ResetByPhone),
                    (Channel::Email, Channel::Email.input_name(), Key::ResetByEmail),
                ]
                selected=channel
                on_change=Callback::new(move |_| error.set(None))
            />
            <Show
                when=move || channel.get() == Channel::Phone
                fallback=move || {
                    view! {
                        <ContactInputs
                            channel=Channel::Email
                            purpose=CodePurpose::ForgetPwd
                            fields=email
                            on_error=on_code_error
                            code_name="code"
                        />
                    }
                }
            >
                <ContactInputs
                    channel=Channel::Phone
                    purpose=CodePurpose::ForgetPwd
                    fields=phone
                    on_error=on_code_error
                    code_name="code"
                />
            </Show>
            <Field state=pwd name="newPwd" label=Key::FieldNewPwd kind="password" autocomplete="new-password" />
            <Field
                state=confirm
                name="newPwdConfirm"
                label=Key::FieldNewPwdConfirm
                kind="password"
                autocomplete="new-password"
            />
            <FormError error=error />
            <SubmitButton label=Signal::derive(move || if busy.get() { Key::ResetBusy } else { Key::ResetSubmit }) busy=busy />
            {on_back.map(|cb| view! {
                <div class="oa-form__links">
                    <button type="button" class="oa-link oa-back" on:click=move |_| cb.run(())>
                        {i18n.text(Key::ResetBack)}
                    </button>
                </div>
            })}
        </form>
    }
}
