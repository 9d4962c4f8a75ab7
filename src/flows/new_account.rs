//! What a new account asks for besides how it signs in: a password, the same password again
//! and an optional nickname. The account form and the code forms both ask for them at
//! sign-up; one set of fields, one set of rules.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::ui::{Field, FieldState};
use crate::validate;

/// The password, its confirmation and the nickname of a new account.
#[derive(Clone, Copy, Debug)]
pub struct NewAccountFields {
    /// The new password.
    pub pwd: FieldState,
    /// The same password again.
    pub confirm: FieldState,
    /// The nickname (optional).
    pub nickname: FieldState,
}

/// What [`NewAccountFields::check`] gives when all three are valid.
/// (No `Debug`: it holds a password.)
pub struct NewAccount {
    /// The password.
    pub pwd: String,
    /// The nickname, if one was given.
    pub nick_name: Option<String>,
}

impl NewAccountFields {
    /// Three empty fields.
    pub fn new() -> Self {
        Self::with_pwd(FieldState::new())
    }

    /// The fields with `pwd` as the password's: a form whose sign-in also asks for a password
    /// keeps what was typed in it when the person switches to sign-up.
    pub fn with_pwd(pwd: FieldState) -> Self {
        NewAccountFields {
            pwd,
            confirm: FieldState::new(),
            nickname: FieldState::new(),
        }
    }

    /// Checks the three fields (a password of at least `min_pwd` characters, typed twice the
    /// same; a nickname that is not too long), marking each error; the values when all pass.
    pub fn check(&self, min_pwd: usize) -> Option<NewAccount> {
        let pwd = self.pwd.check(|v| validate::password(v, min_pwd));
        let first = self.pwd.value;
        let confirmed = self
            .confirm
            .check(|v| validate::confirm(&first.get_untracked(), v));
        let nick = self.nickname.check(validate::nickname);
        match (pwd, confirmed, nick) {
            (Some(pwd), Some(_), Some(nick)) => Some(NewAccount {
                pwd,
                nick_name: (!nick.is_empty()).then_some(nick),
            }),
            _ => None,
        }
    }

    /// The fields in the order they are shown (to focus the first invalid one).
    pub fn all(&self) -> [FieldState; 3] {
        [self.pwd, self.confirm, self.nickname]
    }
}

impl Default for NewAccountFields {
    fn default() -> Self {
        Self::new()
    }
}

/// The inputs of `fields`: "Password" and "Confirm password" (`new-password`, so that
/// password managers offer to make one up) and "Nickname (optional)".
#[component]
pub fn NewAccountInputs(
    /// Their states.
    fields: NewAccountFields,
) -> impl IntoView {
    view! {
        <Field
            state=fields.pwd
            name="pwd"
            label=Key::FieldPwd
            kind="password"
            autocomplete="new-password"
        />
        <Field
            state=fields.confirm
            name="pwdConfirm"
            label=Key::FieldPwdConfirm
            kind="password"
            autocomplete="new-password"
        />
        <Field state=fields.nickname name="nickName" label=Key::FieldNickname autocomplete="nickname" />
    }
}
