//! The phone and email calls (5–10): PhoneSignUp, PhoneSignIn, SendSMSCode, EmailSignUp,
//! EmailSignIn, SendEmailCode. Both channels share one code path, parameterised by [`Kind`],
//! which also holds each call's field list.

use serde_json::json;

use super::common::{read_email, read_extras, read_phone, sign_up, Params, Proven};
use crate::{
    body::{Body, Fields},
    codes::{self, Channel, Purpose},
    config::AppConfig,
    error::{ok, ApiError, ApiResult},
    state::{AppState, ClientAddr},
    users::{self, NewUser, User},
    validate::{self, MAX_CONTACT},
};

/// Phone or email.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A phone number, codes by SMS.
    Phone,
    /// An email address, codes by email.
    Email,
}

/// The fields PhoneSignUp and EmailSignUp take (`password` as a synonym of `pwd`, D1).
const SIGN_UP: &[&str] = &[
    "phone",
    "phoneCode",
    "email",
    "emailCode",
    "pwd",
    "password",
    "nickName",
    "avatar",
    "data",
];

impl Kind {
    /// The recipient's field name.
    fn name(self) -> &'static str {
        match self {
            Kind::Phone => "phone",
            Kind::Email => "email",
        }
    }

    /// The code field of the sign-up call.
    fn sign_up_code(self) -> &'static str {
        match self {
            Kind::Phone => "phoneCode",
            Kind::Email => "emailCode",
        }
    }

    /// The fields PhoneSignIn / EmailSignIn take (D2: the code under several names).
    fn sign_in_fields(self) -> &'static [&'static str] {
        match self {
            Kind::Phone => &["phone", "verifyCode", "phoneCode", "code"],
            Kind::Email => &["email", "verifyCode", "emailCode", "code"],
        }
    }

    /// The names of the sign-in code, in the order they are read.
    fn sign_in_codes(self) -> &'static [&'static str] {
        match self {
            Kind::Phone => &["verifyCode", "phoneCode", "code"],
            Kind::Email => &["verifyCode", "emailCode", "code"],
        }
    }

    /// The fields SendSMSCode / SendEmailCode take.
    fn send_code_fields(self) -> &'static [&'static str] {
        match self {
            Kind::Phone => &["phone", "type"],
            Kind::Email => &["email", "type"],
        }
    }

    fn channel(self) -> Channel {
        match self {
            Kind::Phone => Channel::Sms,
            Kind::Email => Channel::Email,
        }
    }

    /// Reads the recipient and its code with the given code field names.
    fn read(self, f: &Fields, code_names: &[&'static str]) -> Result<Proven, ApiError> {
        let name = self.name();
        let proven = match self {
            Kind::Phone => read_phone(f, code_names, true)?,
            Kind::Email => read_email(f, code_names, true)?,
        };
        proven.ok_or(ApiError::Missing(name))
    }

    /// Reads and checks the recipient alone.
    pub fn recipient(self, f: &Fields) -> Result<String, ApiError> {
        let name = self.name();
        let to = f.req_str(&[name], MAX_CONTACT)?;
        match self {
            Kind::Phone => validate::phone(to.trim()).map(|_| to.trim().to_string()),
            Kind::Email => validate::email(to.trim()).map(|_| to.trim().to_lowercase()),
        }
    }

    /// The user with this phone or email.
    pub fn find(
        self,
        tx: &crate::db::Tx<'_>,
        app: i64,
        to: &str,
    ) -> Result<Option<User>, ApiError> {
        match self {
            Kind::Phone => users::by_phone(tx, app, to),
            Kind::Email => users::by_email(tx, app, to),
        }
    }

    fn grant(self) -> &'static str {
        self.name()
    }
}

/// `POST /api/AppUsers/:appId/SendSMSCode` (`Kind::Phone`) or `SendEmailCode`
/// (`Kind::Email`).
pub async fn send_code_call(
    kind: Kind,
    state: AppState,
    addr: ClientAddr,
    p: Params,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(kind.send_code_fields())?;
    send_code(&state, app, &addr.0, kind, &f).await
}

/// `POST /api/AppUsers/:appId/PhoneSignIn` or `EmailSignIn`: the recipient and its code as
/// `verifyCode` (also `phoneCode`/`emailCode`, `code`; D2).
pub async fn sign_in_call(
    kind: Kind,
    state: AppState,
    ClientAddr(addr): ClientAddr,
    p: Params,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    state.throttles.admit(&addr)?;
    let f = body.accept(kind.sign_in_fields())?;
    let answer = sign_in(&state, app, kind, &f, kind.sign_in_codes()).await;
    state.throttles.count_guess(&addr, answer)
}

/// `POST /api/AppUsers/:appId/PhoneSignUp` or `EmailSignUp`.
pub async fn sign_up_call(
    kind: Kind,
    state: AppState,
    ClientAddr(addr): ClientAddr,
    p: Params,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    state.throttles.admit(&addr)?;
    state.throttles.admit_creation(&addr)?;
    let f = body.accept(SIGN_UP)?;
    let answer = sign_up_contact(&state, app, kind, &f, kind.sign_up_code()).await;
    state.throttles.count_guess(&addr, answer)
}

/// The route handler of one call for one kind (for the route table).
macro_rules! handler {
    ($call:ident, $kind:expr) => {
        |axum::extract::State(state): axum::extract::State<AppState>,
         addr: ClientAddr,
         p: Params,
         body: Body| { $call($kind, state, addr, p, body) }
    };
}
pub(crate) use handler;

/// SendSMSCode / SendEmailCode: `phone`|`email` and `type` (`signup`, `signin`, `forgetpwd`).
/// Limited per client address and per app (429 past either). A `forgetpwd` code for a
/// recipient without an account answers the same `true` and starts the same resend window,
/// but is not sent.
pub async fn send_code(
    state: &AppState,
    app: &AppConfig,
    addr: &str,
    kind: Kind,
    f: &Fields,
) -> ApiResult {
    let to = kind.recipient(f)?;
    let purpose = f.req_str(&["type"], 16)?;
    let purpose = Purpose::parse(&purpose).ok_or(ApiError::Invalid("type"))?;
    let t = &state.throttles;
    t.send_address.take(addr).map_err(ApiError::Throttled)?;
    if let Some(per_app) = t.send_app.get(&app.id) {
        per_app
            .take(&app.id.to_string())
            .map_err(ApiError::Throttled)?;
    }
    let (code, delivered) = state.db.tx(|tx| {
        let delivered = purpose != Purpose::ForgetPwd || kind.find(tx, app.id, &to)?.is_some();
        let code = codes::send(tx, app, kind.channel(), &to, purpose, delivered)?;
        Ok((code, delivered))
    })?;
    if delivered {
        eprintln!(
            "[outbox] app {} {} to {to} ({}): {code}",
            app.id,
            kind.channel().as_str(),
            purpose.as_str()
        );
    }
    Ok(ok(json!(true)))
}

/// PhoneSignIn / EmailSignIn: the recipient and a `signup` code. A wrong code counts a try;
/// an unknown recipient is a 404 and leaves the code unused (for the sign-up that follows).
pub async fn sign_in(
    state: &AppState,
    app: &AppConfig,
    kind: Kind,
    f: &Fields,
    code_names: &[&'static str],
) -> ApiResult {
    let proven = kind.read(f, code_names)?;
    let user = state.db.check_then(
        |tx| codes::check(tx, app, &proven.to, Purpose::SignUp, &proven.code),
        |tx, id| {
            let user = kind
                .find(tx, app.id, &proven.to)?
                .ok_or(ApiError::UserNotFound)?;
            codes::consume(tx, id)?;
            Ok(user)
        },
    )?;
    Ok(ok(state.tokens.answer(app.id, &user, kind.grant())?))
}

/// PhoneSignUp / EmailSignUp: the recipient and its code, the optional sign-up fields; the
/// user name is the phone or email (D10).
pub async fn sign_up_contact(
    state: &AppState,
    app: &AppConfig,
    kind: Kind,
    f: &Fields,
    code_name: &'static str,
) -> ApiResult {
    let proven = kind.read(f, &[code_name])?;
    let mut extras = read_extras(f, app, kind == Kind::Phone, kind == Kind::Email)?;
    let base = NewUser {
        user_name: proven.to.clone(),
        ..NewUser::default()
    };
    match kind {
        Kind::Phone => extras.phone = Some(proven),
        Kind::Email => extras.email = Some(proven),
    }
    sign_up(state, app, base, extras, kind.grant()).await
}
