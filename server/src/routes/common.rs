//! Pieces shared by the calls: path parameters, sign-up extras and the sign-up flow.

use crate::db::Tx;
use axum::{
    extract::{FromRequestParts, Path},
    http::request::Parts,
};

use crate::{
    body::Fields,
    codes::{self, Purpose},
    config::AppConfig,
    error::{ok, ApiError, ApiResult},
    state::AppState,
    users::{self, NewUser, User},
    validate::{self, *},
};

/// The path parameters in order (any malformed path is a 404 envelope).
pub struct Params(pub Vec<String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<Vec<String>>::from_request_parts(parts, state)
            .await
            .map(|Path(v)| Params(v))
            .map_err(|_| ApiError::NotFound)
    }
}

impl Params {
    /// The first parameter (the app id).
    pub fn app(&self) -> &str {
        self.0.first().map(|s| s.as_str()).unwrap_or("")
    }

    /// The second parameter.
    pub fn second(&self) -> &str {
        self.0.get(1).map(|s| s.as_str()).unwrap_or("")
    }
}

/// A phone or email with the code that proves it.
#[derive(Debug, Clone)]
pub struct Proven {
    /// The phone or email.
    pub to: String,
    /// The code given for it.
    pub code: String,
}

/// The optional parts of every sign-up call.
#[derive(Debug, Default, Clone)]
pub struct Extras {
    /// Password.
    pub pwd: Option<String>,
    /// Nickname.
    pub nick_name: Option<String>,
    /// Avatar.
    pub avatar: Option<String>,
    /// Custom data.
    pub data: Option<String>,
    /// Phone and its code.
    pub phone: Option<Proven>,
    /// Email and its code.
    pub email: Option<Proven>,
}

/// Reads a phone and its code; `required` makes both mandatory.
pub fn read_phone(
    f: &Fields,
    code_names: &[&'static str],
    required: bool,
) -> Result<Option<Proven>, ApiError> {
    let to = f.opt_str(&["phone"], MAX_CONTACT)?;
    let code = f.opt_str(code_names, MAX_CODE)?;
    read_proven(to, code, "phone", code_names, required, validate::phone)
}

/// Reads an email and its code; `required` makes both mandatory.
pub fn read_email(
    f: &Fields,
    code_names: &[&'static str],
    required: bool,
) -> Result<Option<Proven>, ApiError> {
    let to = f
        .opt_str(&["email"], MAX_CONTACT)?
        .map(|e| e.to_lowercase());
    let code = f.opt_str(code_names, MAX_CODE)?;
    read_proven(to, code, "email", code_names, required, validate::email)
}

fn read_proven(
    to: Option<String>,
    code: Option<String>,
    name: &'static str,
    code_names: &[&'static str],
    required: bool,
    check: fn(&str) -> Result<(), ApiError>,
) -> Result<Option<Proven>, ApiError> {
    let code_name = code_names.first().copied().unwrap_or("code");
    match (to, code) {
        (None, None) if !required => Ok(None),
        (None, _) => Err(ApiError::Missing(name)),
        (Some(to), code) => {
            let to = to.trim().to_string();
            check(&to)?;
            let code = code.ok_or(ApiError::Missing(code_name))?;
            Ok(Some(Proven {
                to,
                code: code.trim().to_string(),
            }))
        }
    }
}

/// Reads the optional sign-up fields. `phone_done`/`email_done` skip the phone or email
/// part when the call itself is a phone or email sign-up.
pub fn read_extras(
    f: &Fields,
    app: &AppConfig,
    phone_done: bool,
    email_done: bool,
) -> Result<Extras, ApiError> {
    let pwd = f.opt_str(&["pwd", "password"], MAX_PWD)?;
    if let Some(p) = &pwd {
        validate::pwd("pwd", p)?;
    }
    let avatar = f.opt_str(&["avatar"], MAX_AVATAR)?;
    if let Some(a) = &avatar {
        validate::avatar(a)?;
    }
    Ok(Extras {
        pwd,
        nick_name: f.opt_str(&["nickName"], MAX_NICK)?,
        avatar,
        data: f.opt_text(&["data"], MAX_DATA, true)?,
        phone: if phone_done {
            None
        } else {
            read_phone(f, &["phoneCode"], app.require_phone)?
        },
        email: if email_done {
            None
        } else {
            read_email(f, &["emailCode"], app.require_email)?
        },
    })
}

/// Creates a user from `base` plus `extras` (verifying and consuming any codes in one
/// go) and answers with a token. Wrong codes are counted even though the call fails.
pub async fn sign_up(
    state: &AppState,
    app: &AppConfig,
    base: NewUser,
    extras: Extras,
    grant_type: &str,
) -> ApiResult {
    sign_up_then(state, app, base, extras, grant_type, |_, _| Ok(())).await
}

/// Like [`sign_up`], running `after` with the new user inside the same transaction.
pub async fn sign_up_then(
    state: &AppState,
    app: &AppConfig,
    mut base: NewUser,
    extras: Extras,
    grant_type: &str,
    after: impl FnOnce(&Tx<'_>, &User) -> Result<(), ApiError> + Send,
) -> ApiResult {
    base.user_name = validate::user_name(&base.user_name)?;
    if validate::contact_shaped(&base.user_name) {
        // Such a name must be this sign-up's own verified phone or email (#4).
        let name = base.user_name.to_lowercase();
        let own = |p: &Option<Proven>| p.as_ref().is_some_and(|p| p.to.to_lowercase() == name);
        if !(own(&extras.phone) || own(&extras.email)) {
            return Err(ApiError::UserNameReserved);
        }
    }
    let proofs: Vec<Proven> = extras
        .phone
        .iter()
        .chain(extras.email.iter())
        .cloned()
        .collect();
    // Check the codes before spending a hash on them (wrong tries are counted).
    if !proofs.is_empty() {
        state.db.check_then(
            |tx| {
                proofs
                    .iter()
                    .map(|p| codes::check(tx, app, &p.to, Purpose::SignUp, &p.code))
                    .collect::<Result<Vec<i64>, ApiError>>()
            },
            |_, _| Ok(()),
        )?;
    }
    base.pwd_hash = match extras.pwd {
        Some(p) => Some(state.hasher.hash(p).await?),
        None => None,
    };
    base.nick_name = extras.nick_name;
    base.avatar = extras.avatar;
    base.data = extras.data;
    if let Some(p) = &extras.phone {
        base.phone = Some(p.to.clone());
    }
    if let Some(e) = &extras.email {
        base.email = Some(e.to.clone());
    }
    let user = state.db.check_then(
        |tx| {
            proofs
                .iter()
                .map(|p| codes::check(tx, app, &p.to, Purpose::SignUp, &p.code))
                .collect::<Result<Vec<i64>, ApiError>>()
        },
        |tx, ids| {
            for id in ids {
                codes::consume(tx, id)?;
            }
            let user = users::create(tx, app.id, &base)?;
            after(tx, &user)?;
            Ok(user)
        },
    )?;
    Ok(ok(state.tokens.answer(app.id, &user, grant_type)?))
}
