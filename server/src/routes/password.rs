//! ResetPwd (call 11): a `forgetpwd` code sent to the phone or email sets a new password.

use axum::extract::State;
use serde_json::json;

use super::{
    account::{account_address_key, account_key},
    common::Params,
    contact::Kind,
};
use crate::{
    body::Body,
    codes::{self, Purpose},
    error::{ok, ApiError, ApiResult},
    state::{AppState, ClientAddr},
    users,
    validate::{self, MAX_CODE, MAX_PWD},
};

/// The fields ResetPwd takes (the code under any of its names, the password as `pwd` or
/// `password`).
const RESET: &[&str] = &[
    "phone",
    "email",
    "code",
    "verifyCode",
    "phoneCode",
    "emailCode",
    "pwd",
    "password",
];

/// `POST /api/AppUsers/:appId/ResetPwd`: `phone` or `email` (exactly one), `code`, `pwd`.
pub async fn reset(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    p: Params,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    state.throttles.admit(&addr)?;
    let f = body.accept(RESET)?;
    let has_phone = f.opt_str(&["phone"], 1024)?.is_some();
    let has_email = f.opt_str(&["email"], 1024)?.is_some();
    let kind = match (has_phone, has_email) {
        (true, false) => Kind::Phone,
        (false, true) => Kind::Email,
        (true, true) => return Err(ApiError::Invalid("email")),
        (false, false) => return Err(ApiError::Missing("phone")),
    };
    let to = kind.recipient(&f)?;
    let code = f.req_str(&["code", "verifyCode", "phoneCode", "emailCode"], MAX_CODE)?;
    let pwd = f.req_str(&["pwd", "password"], MAX_PWD)?;
    validate::pwd("pwd", &pwd)?;
    // The code first (a wrong one counts a try and costs no hash), then the hash, then the
    // code is spent and the password set in one transaction (one winner if raced).
    let code = code.trim();
    let checked = state.db.check_then(
        |tx| codes::check(tx, app, &to, Purpose::ForgetPwd, code),
        |tx, id| {
            let user = kind.find(tx, app.id, &to)?.ok_or(ApiError::UserNotFound)?;
            Ok((id, user.id))
        },
    );
    let (id, user) = state.throttles.count_guess(&addr, checked)?;
    let hash = state.hasher.hash(pwd).await?;
    state.db.tx(|tx| {
        codes::consume(tx, id)?;
        users::set_password(tx, user, &hash)
    })?;
    // The owner has proven the account theirs: the guessers' account-wide lock goes, and this
    // address is one the account is used from.
    let account = account_key(app.id, user);
    state.throttles.login_account.succeed(&account);
    state
        .throttles
        .signed_in_from
        .remember(&account_address_key(&account, &addr));
    Ok(ok(json!(true)))
}
