//! Account sign-in and sign-up (calls 3 and 4).

use axum::extract::State;

use super::common::{read_extras, sign_up, Params};
use crate::{
    body::Body,
    config::AppConfig,
    error::{ok, ApiError, ApiResult},
    state::{AppState, ClientAddr},
    users::{self, NewUser},
    validate::{MAX_CONTACT, MAX_PWD, MAX_USER_NAME},
};

/// The fields SignIn takes: the password as `pwd` or `password` (D1).
const SIGN_IN: &[&str] = &["userName", "pwd", "password"];

/// `POST /api/AppUsers/:appId/SignIn`: `userName` (or a phone or email, D10) and the
/// password as `pwd` or `password` (D1).
pub async fn sign_in(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    p: Params,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(SIGN_IN)?;
    let login = f.req_str(&["userName"], MAX_CONTACT)?;
    let pwd = f.req_str(&["pwd", "password"], MAX_PWD)?;
    let login = login.trim();
    let user = state.db.tx(|tx| users::by_login(tx, app.id, login))?;
    let user = check_password(&state, app, &addr, login, user, pwd).await?;
    Ok(ok(state.tokens.answer(app.id, &user, "account")?))
}

/// The throttles' key of a known account.
pub fn account_key(app: i64, user: i64) -> String {
    format!("{app}#{user}")
}

/// The throttles' key of an account (its [`account_key`], or an unknown login's) used from a
/// client address.
pub fn account_address_key(account: &str, addr: &str) -> String {
    format!("{account}@{addr}")
}

/// Verifies `pwd` against the user's hash under the guessing limits. A missing user or
/// password is a 401 (D6) after the same hashing work as a wrong password, so neither the
/// answer nor its timing tells whether `login` has an account. Past the limits, 429.
pub async fn check_password(
    state: &AppState,
    app: &AppConfig,
    addr: &str,
    login: &str,
    user: Option<users::User>,
    pwd: String,
) -> Result<users::User, ApiError> {
    let t = &state.throttles;
    // Unknown logins are throttled like accounts, so a lock-out tells nothing either.
    let account = match &user {
        Some(u) => account_key(app.id, u.id),
        None => format!(
            "{}:{}",
            app.id,
            users::normalize_login(login).to_lowercase()
        ),
    };
    let pair = account_address_key(&account, addr);
    // The account-wide lock bounds guessing from many addresses, and whoever guesses can keep
    // it armed: it does not hold back an address the account signed in from lately.
    let account_locked = t.login_account.locked(&account);
    let account_lock = || account_locked.filter(|_| !t.signed_in_from.knows(&pair));
    if let Some(wait) = t
        .login_address
        .full(addr)
        .or_else(|| t.login_pair.locked(&pair))
        .or_else(account_lock)
    {
        return Err(ApiError::Throttled(wait));
    }
    let hash = user.as_ref().and_then(|u| u.pwd_hash.clone());
    let matches = match hash {
        Some(hash) => state.hasher.verify(pwd, hash).await?,
        None => state.hasher.verify_dummy(pwd).await?,
    };
    match user {
        Some(user) if matches => {
            t.login_pair.succeed(&pair);
            // Past an armed lock, the owner's success leaves it armed for everyone else.
            if account_locked.is_none() {
                t.login_account.succeed(&account);
            }
            t.signed_in_from.remember(&pair);
            Ok(user)
        }
        _ => {
            t.login_pair.fail(&pair);
            t.login_account.fail(&account);
            t.login_address.add(addr);
            Err(ApiError::WrongCredentials)
        }
    }
}

/// The fields SignUp takes (`password` as a synonym of `pwd`, D1).
const SIGN_UP: &[&str] = &[
    "userName",
    "pwd",
    "password",
    "nickName",
    "avatar",
    "data",
    "phone",
    "phoneCode",
    "email",
    "emailCode",
];

/// `POST /api/AppUsers/:appId/SignUp`: `userName`, `pwd` and the optional sign-up fields.
pub async fn sign_up_account(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    p: Params,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    state.throttles.admit(&addr)?;
    state.throttles.admit_creation(&addr)?;
    let f = body.accept(SIGN_UP)?;
    let user_name = f.req_str(&["userName"], MAX_USER_NAME)?;
    if user_name.trim() != user_name {
        return Err(ApiError::Invalid("userName"));
    }
    f.req_str(&["pwd", "password"], MAX_PWD)?;
    let extras = read_extras(&f, app, false, false)?;
    let base = NewUser {
        user_name,
        ..NewUser::default()
    };
    let answer = sign_up(&state, app, base, extras, "account").await;
    state.throttles.count_guess(&addr, answer)
}
