//! The phone or email form: one "get code" step that signs the person in, or — when the number
//! or address is new (the server answers 404) — asks for a password and signs up with the same
//! code (API.md D6, D9).

use leptos::prelude::*;

use crate::api::CodePurpose;
use crate::flows::account::{submit_label, FormMode};
use crate::flows::code::channel::{Channel, Extra};
use crate::flows::code::contact_inputs::{ContactFields, ContactInputs};
use crate::flows::context::use_login;
use crate::flows::new_account::{NewAccountFields, NewAccountInputs};
use crate::i18n::{use_i18n, Key, Message};
use crate::ui::FormError;
use crate::ui::SubmitButton;
use crate::ui::{focus_first_invalid, guarded_submit};

/// What the form sends.
/// (No `Debug`: it holds a password.)
#[derive(Clone)]
enum CodeRequest {
    /// Sign in with the code.
    SignIn { to: String, code: String },
    /// Sign up with the code and a password.
    SignUp {
        to: String,
        code: String,
        pwd: String,
        extra: Extra,
    },
}

/// Sign-in or sign-up by a code sent over `channel`.
#[component]
pub fn CodeForm(
    /// SMS or e-mail.
    channel: Channel,
    /// The mode first shown.
    #[prop(optional)]
    mode: FormMode,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_login();
    let config = ctx.config();
    let mode = RwSignal::new(mode);
    // True once a password is asked for: in sign-up mode, or after a 404 at sign-in.
    let new_account = RwSignal::new(false);
    let contact = ContactFields::new();
    let account = NewAccountFields::new();
    // The other channel, when the app verifies it too.
    let other = match channel {
        Channel::Phone => Channel::Email,
        Channel::Email => Channel::Phone,
    };
    let verify_other = match other {
        Channel::Phone => config.verify_phone,
        Channel::Email => config.verify_email,
    };
    let other_fields = ContactFields::new();
    let error = RwSignal::new(None::<Message>);
    let on_code_error = Callback::new(move |m: Option<Message>| error.set(m));
    let asks_pwd = move || mode.get() == FormMode::SignUp || new_account.get();

    let submit = Action::new_local(move |req: &CodeRequest| {
        let req = req.clone();
        let client = ctx.client();
        async move {
            let (result, was_sign_in, to) = match req {
                CodeRequest::SignIn { to, code } => {
                    (channel.sign_in(&client, to.clone(), code).await, true, to)
                }
                CodeRequest::SignUp {
                    to,
                    code,
                    pwd,
                    extra,
                } => (
                    channel.sign_up(&client, to.clone(), code, pwd, extra).await,
                    false,
                    to,
                ),
            };
            match result {
                Ok(token) => ctx.signed_in(token),
                Err(e) if was_sign_in && e.is_not_found() => {
                    // A new number or address: ask for a password, keep the code (D6, D9).
                    new_account.try_set(true);
                    let message = Message::with_name(Key::SignupNewRecipient, to);
                    ctx.announce(message.clone());
                    error.try_set(Some(message));
                    request_animation_frame(move || account.pwd.focus());
                }
                Err(e) => ctx.failed(error, &e),
            }
        }
    });
    let busy = submit.pending();

    let on_submit = guarded_submit(busy, error, move || {
        let checked = contact.check(channel, config.allow_international);
        let request = if mode.get_untracked() == FormMode::SignUp || new_account.get_untracked() {
            let checked_account = account.check(config.min_pwd);
            let o = verify_other.then(|| other_fields.check(other, config.allow_international));
            match (checked, checked_account, o) {
                (Some((to, code)), Some(new), o) if o.as_ref().is_none_or(Option::is_some) => {
                    let o = o.flatten();
                    let extra = Extra {
                        phone: if other == Channel::Phone {
                            o.clone()
                        } else {
                            None
                        },
                        email: if other == Channel::Email { o } else { None },
                        nick_name: new.nick_name,
                    };
                    Some(CodeRequest::SignUp {
                        to,
                        code,
                        pwd: new.pwd,
                        extra,
                    })
                }
                _ => None,
            }
        } else {
            checked.map(|(to, code)| CodeRequest::SignIn { to, code })
        };
        match request {
            Some(req) => {
                ctx.announce(match req {
                    CodeRequest::SignIn { .. } => Key::SigninBusy,
                    CodeRequest::SignUp { .. } => Key::SignupBusy,
                });
                submit.dispatch_local(req);
            }
            None => {
                let [pwd, confirm, nickname] = account.all();
                focus_first_invalid(&[
                    contact.recipient,
                    contact.code,
                    pwd,
                    confirm,
                    nickname,
                    other_fields.recipient,
                    other_fields.code,
                ]);
            }
        }
    });

    let toggle = move |_| {
        error.set(None);
        new_account.set(false);
        mode.update(|m| *m = m.toggled());
    };
    let class = match channel {
        Channel::Phone => "oa-form oa-form--phone",
        Channel::Email => "oa-form oa-form--email",
    };

    view! {
        <form class=class novalidate on:submit=on_submit>
            <h2 class="oa-form__title">
                {move || i18n.t(if asks_pwd() { Key::SignupTitle } else { Key::SigninTitle })}
            </h2>
            <ContactInputs
                channel=channel
                purpose=CodePurpose::SignUp
                fields=contact
                on_error=on_code_error
                code_name="code"
            />
            <Show when=asks_pwd>
                <NewAccountInputs fields=account />
                <Show when=move || verify_other>
                    <ContactInputs
                        channel=other
                        purpose=CodePurpose::SignUp
                        fields=other_fields
                        on_error=on_code_error
                    />
                </Show>
            </Show>
            <FormError error=error />
            <SubmitButton label=Signal::derive(move || submit_label(busy.get(), asks_pwd())) busy=busy />
            <div class="oa-form__links">
                <button type="button" class="oa-link oa-switch-mode" on:click=toggle>
                    {move || i18n.t(if asks_pwd() { Key::SignupToSignin } else { Key::SigninToSignup })}
                </button>
            </div>
        </form>
    }
}

/// Sign-in or sign-up by SMS code.
#[component]
pub fn PhoneForm(
    /// The mode first shown.
    #[prop(optional)]
    mode: FormMode,
) -> impl IntoView {
    view! { <CodeForm channel=Channel::Phone mode=mode /> }
}

/// Sign-in or sign-up by emailed code.
#[component]
pub fn EmailForm(
    /// The mode first shown.
    #[prop(optional)]
    mode: FormMode,
) -> impl IntoView {
    view! { <CodeForm channel=Channel::Email mode=mode /> }
}
