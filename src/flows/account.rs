//! Account sign-in (user name and password) and sign-up (with confirmation, optional
//! nickname, and the phone or email the app verifies).

use leptos::prelude::*;

use crate::api::{CodePurpose, SignInRequest, SignUpRequest};
use crate::flows::code::channel::Channel;
use crate::flows::code::contact_inputs::{ContactFields, ContactInputs};
use crate::flows::context::use_login;
use crate::flows::new_account::{NewAccountFields, NewAccountInputs};
use crate::i18n::{use_i18n, Key, Message};
use crate::ui::FormError;
use crate::ui::SubmitButton;
use crate::ui::{focus_first_invalid, guarded_submit, Field, FieldState};
use crate::validate;

/// Sign in, or sign up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormMode {
    /// Sign in to an existing account.
    #[default]
    SignIn,
    /// Create an account.
    SignUp,
}

impl FormMode {
    /// The other mode.
    pub fn toggled(self) -> FormMode {
        match self {
            FormMode::SignIn => FormMode::SignUp,
            FormMode::SignUp => FormMode::SignIn,
        }
    }
}

/// The submit button's label of a form that signs in or, when `signs_up`, signs up: the busy
/// one while `busy`.
pub(super) fn submit_label(busy: bool, signs_up: bool) -> Key {
    match (busy, signs_up) {
        (true, false) => Key::SigninBusy,
        (true, true) => Key::SignupBusy,
        (false, false) => Key::SigninSubmit,
        (false, true) => Key::SignupSubmit,
    }
}

/// What the account form sends.
/// (No `Debug`: it holds a password.)
#[derive(Clone)]
enum AccountRequest {
    /// `SignIn`.
    SignIn(SignInRequest),
    /// `SignUp`.
    SignUp(Box<SignUpRequest>),
}

/// The account form: sign in with a user name (or phone or email, D10) and a password, or
/// sign up with a user name, a password twice, an optional nickname and — when the app
/// verifies them — a phone and/or an email with their codes.
#[component]
pub fn AccountForm(
    /// The mode first shown.
    #[prop(optional)]
    mode: FormMode,
    /// The user name filled in at first (e.g. after a password reset).
    #[prop(optional, into)]
    user_name: String,
    /// Called when the person asks to reset a forgotten password.
    #[prop(optional)]
    on_forgot: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_login();
    let config = ctx.config();
    let mode = RwSignal::new(mode);
    let name = FieldState::new();
    name.value.set(user_name);
    let pwd = FieldState::new();
    let new_account = NewAccountFields::with_pwd(pwd);
    let phone = ContactFields::new();
    let email = ContactFields::new();
    let error = RwSignal::new(None::<Message>);
    let on_code_error = Callback::new(move |m: Option<Message>| error.set(m));

    let submit = Action::new_local(move |req: &AccountRequest| {
        let req = req.clone();
        let client = ctx.client();
        async move {
            let result = match req {
                AccountRequest::SignIn(r) => client.sign_in(&r).await,
                AccountRequest::SignUp(r) => client.sign_up(&r).await,
            };
            match result {
                Ok(token) => ctx.signed_in(token),
                Err(e) => ctx.failed(error, &e),
            }
        }
    });
    let busy = submit.pending();

    let on_submit = guarded_submit(busy, error, move || {
        let request = match mode.get_untracked() {
            FormMode::SignIn => {
                let n = name.check(|v| validate::sign_in_name(v, config.allow_international));
                let p = pwd.check(validate::required_pwd);
                match (n, p) {
                    (Some(n), Some(p)) => Some(AccountRequest::SignIn(SignInRequest::new(n, p))),
                    _ => None,
                }
            }
            FormMode::SignUp => {
                let n = name.check(validate::user_name);
                let account = new_account.check(config.min_pwd);
                let ph = config
                    .verify_phone
                    .then(|| phone.check(Channel::Phone, config.allow_international));
                let em = config
                    .verify_email
                    .then(|| email.check(Channel::Email, config.allow_international));
                match (n, account, ph, em) {
                    (Some(n), Some(account), ph, em)
                        if ph.as_ref().is_none_or(Option::is_some)
                            && em.as_ref().is_none_or(Option::is_some) =>
                    {
                        let (phone, phone_code) = ph.flatten().unzip();
                        let (email, email_code) = em.flatten().unzip();
                        Some(AccountRequest::SignUp(Box::new(SignUpRequest {
                            user_name: n,
                            pwd: account.pwd,
                            nick_name: account.nick_name,
                            phone,
                            phone_code,
                            email,
                            email_code,
                            ..Default::default()
                        })))
                    }
                    _ => None,
                }
            }
        };
        let [_, confirm, nickname] = new_account.all();
        let fields = [
            name,
            pwd,
            confirm,
            nickname,
            phone.recipient,
            phone.code,
            email.recipient,
            email.code,
        ];
        match request {
            Some(req) => {
                ctx.announce(match mode.get_untracked() {
                    FormMode::SignIn => Key::SigninBusy,
                    FormMode::SignUp => Key::SignupBusy,
                });
                submit.dispatch_local(req);
            }
            None => {
                focus_first_invalid(&fields);
            }
        }
    });

    let signing_up = move || mode.get() == FormMode::SignUp;
    let toggle = move |_| {
        error.set(None);
        mode.update(|m| *m = m.toggled());
    };

    view! {
        <form class="oa-form oa-form--account" novalidate on:submit=on_submit>
            <h2 class="oa-form__title">
                {move || i18n.t(if signing_up() { Key::SignupTitle } else { Key::SigninTitle })}
            </h2>
            <Field state=name name="userName" label=Key::FieldUserName autocomplete="username" />
            <Show
                when=signing_up
                fallback=move || {
                    view! {
                        <Field
                            state=pwd
                            name="pwd"
                            label=Key::FieldPwd
                            kind="password"
                            autocomplete="current-password"
                        />
                    }
                }
            >
                <NewAccountInputs fields=new_account />
                <Show when=move || config.verify_phone>
                    <ContactInputs
                        channel=Channel::Phone
                        purpose=CodePurpose::SignUp
                        fields=phone
                        on_error=on_code_error
                    />
                </Show>
                <Show when=move || config.verify_email>
                    <ContactInputs
                        channel=Channel::Email
                        purpose=CodePurpose::SignUp
                        fields=email
                        on_error=on_code_error
                    />
                </Show>
            </Show>
            <FormError error=error />
            <SubmitButton label=Signal::derive(move || submit_label(busy.get(), signing_up())) busy=busy />
            <div class="oa-form__links">
                <button type="button" class="oa-link oa-switch-mode" on:click=toggle>
                    {move || i18n.t(if signing_up() { Key::SignupToSignin } else { Key::SigninToSignup })}
                </button>
                {on_forgot.map(|cb| view! {
                    <Show when=move || !signing_up()>
                        <button type="button" class="oa-link oa-forgot" on:click=move |_| cb.run(())>
                            {i18n.text(Key::SigninForgot)}
                        </button>
                    </Show>
                })}
            </div>
        </form>
    }
}
