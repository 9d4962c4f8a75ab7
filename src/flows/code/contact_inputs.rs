//! A recipient (phone or email) with its "get code" button, and the code field.

use leptos::prelude::*;

use super::send_code::SendCodeButton;
use crate::api::CodePurpose;
use crate::flows::code::channel::Channel;
use crate::flows::context::use_login;
use crate::i18n::Message;
use crate::ui::{Field, FieldState};
use crate::validate;

/// The two fields of a code step.
#[derive(Clone, Copy, Debug, Default)]
pub struct ContactFields {
    /// The phone number or email address.
    pub recipient: FieldState,
    /// The code sent to it.
    pub code: FieldState,
}

impl ContactFields {
    /// Empty fields.
    pub fn new() -> Self {
        ContactFields::default()
    }

    /// Checks both fields; the cleaned recipient and code when both are right.
    pub fn check(&self, channel: Channel, allow_international: bool) -> Option<(String, String)> {
        let to = self
            .recipient
            .check(|v| channel.check(v, allow_international));
        let code = self.code.check(validate::code);
        Some((to?, code?))
    }
}

/// The recipient input with its [`SendCodeButton`], then the code input.
#[component]
pub fn ContactInputs(
    /// SMS or e-mail.
    channel: Channel,
    /// What the code is for.
    purpose: CodePurpose,
    /// The fields' state.
    fields: ContactFields,
    /// Receives the sending's failure sentence (or `None` when a send starts).
    on_error: Callback<Option<Message>>,
    /// The code input's `name`: `code` in a form's own code step; `phoneCode` or `emailCode`
    /// (the default) for a contact verified beside something else.
    #[prop(optional)]
    code_name: Option<&'static str>,
) -> impl IntoView {
    let ctx = use_login();
    let allow_intl = ctx.config().allow_international;
    let recipient = fields.recipient;
    let check = Callback::new(move |()| {
        let to = recipient.check(|v| channel.check(v, allow_intl));
        if to.is_none() {
            recipient.focus();
        }
        to
    });
    let code_name = code_name.unwrap_or(channel.code_name());
    view! {
        <Field
            state=recipient
            name=channel.input_name()
            label=channel.label()
            kind=channel.input_type()
            autocomplete=channel.autocomplete()
            inputmode=if channel == Channel::Phone { "tel" } else { "email" }
        >
            <SendCodeButton
                channel=channel
                purpose=purpose
                recipient=recipient.value
                check=check
                on_error=on_error
            />
        </Field>
        <Field
            state=fields.code
            name=code_name
            label=channel.code_label()
            autocomplete="one-time-code"
            inputmode="numeric"
        />
    }
}
