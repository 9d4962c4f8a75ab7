//! The users table: lookups, creation and the profile shape.

use serde_json::{json, Value};

use unicode_normalization::UnicodeNormalization;

use crate::{
    db::{DbError, Row, Tx},
    error::ApiError,
    params,
    time::now_date,
    validate,
};

/// A stored user of one app.
#[derive(Debug, Clone)]
pub struct User {
    /// Row id.
    pub id: i64,
    /// The app the user belongs to.
    pub app_id: i64,
    /// User name (unique per app, case-insensitive).
    pub user_name: String,
    /// argon2 PHC hash, if the user has a password.
    pub pwd_hash: Option<String>,
    /// Third-party platform.
    pub platform: Option<String>,
    /// Third-party id.
    pub union_id: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Whether the phone was verified with a code.
    pub phone_valid: bool,
    /// Email.
    pub email: Option<String>,
    /// Whether the email was verified with a code.
    pub email_valid: bool,
    /// Nickname.
    pub nick_name: Option<String>,
    /// Avatar URL.
    pub avatar: Option<String>,
    /// Free custom data.
    pub data: Option<String>,
    /// Role.
    pub role: String,
    /// Creation date.
    pub create_date: String,
    /// Last update date.
    pub last_update: String,
    /// Bumped by a password reset; tokens carry it and die when it changes.
    pub token_version: i64,
}

const COLUMNS: &str = "id, app_id, user_name, pwd_hash, platform, union_id, phone, phone_valid, \
     email, email_valid, nick_name, avatar, data, role, create_date, last_update, token_version";

fn from_row(r: &Row<'_>) -> Result<User, DbError> {
    Ok(User {
        id: r.get(0)?,
        app_id: r.get(1)?,
        user_name: r.get(2)?,
        pwd_hash: r.get(3)?,
        platform: r.get(4)?,
        union_id: r.get(5)?,
        phone: r.get(6)?,
        phone_valid: r.get(7)?,
        email: r.get(8)?,
        email_valid: r.get(9)?,
        nick_name: r.get(10)?,
        avatar: r.get(11)?,
        data: r.get(12)?,
        role: r.get(13)?,
        create_date: r.get(14)?,
        last_update: r.get(15)?,
        token_version: r.get(16)?,
    })
}

fn find(tx: &Tx<'_>, app: i64, cond: &str, value: &str) -> Result<Option<User>, ApiError> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE app_id = ?1 AND {cond} LIMIT 1");
    Ok(tx.query_opt(&sql, params![app, value], from_row)?)
}

/// The user with this id in this app.
pub fn by_id(tx: &Tx<'_>, app: i64, id: i64) -> Result<Option<User>, ApiError> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE app_id = ?1 AND id = ?2");
    Ok(tx.query_opt(&sql, params![app, id], from_row)?)
}

/// The user with this user name (case-insensitive).
pub fn by_name(tx: &Tx<'_>, app: i64, name: &str) -> Result<Option<User>, ApiError> {
    find(tx, app, &tx.eq_nocase("user_name", 2), name)
}

/// The user with this phone.
pub fn by_phone(tx: &Tx<'_>, app: i64, phone: &str) -> Result<Option<User>, ApiError> {
    find(tx, app, "phone = ?2", phone)
}

/// The user with this email (case-insensitive).
pub fn by_email(tx: &Tx<'_>, app: i64, email: &str) -> Result<Option<User>, ApiError> {
    find(tx, app, &tx.eq_nocase("email", 2), email)
}

/// The user with this third-party id on this platform.
pub fn by_union(
    tx: &Tx<'_>,
    app: i64,
    platform: &str,
    union_id: &str,
) -> Result<Option<User>, ApiError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM users WHERE app_id = ?1 AND platform = ?2 AND union_id = ?3"
    );
    Ok(tx.query_opt(&sql, params![app, platform, union_id], from_row)?)
}

/// A login as typed, in the form user names are stored in (NFKC).
pub fn normalize_login(login: &str) -> String {
    login.nfkc().collect()
}

/// Account sign-in lookup (D10): by user name, then phone, then email — except that a login
/// shaped like a phone or an email address is first looked up as that verified contact, so
/// an older user name of that shape cannot shadow the contact's owner.
pub fn by_login(tx: &Tx<'_>, app: i64, login: &str) -> Result<Option<User>, ApiError> {
    let login = normalize_login(login);
    let login = login.as_str();
    if validate::phone(login).is_ok() {
        if let Some(u) = by_phone(tx, app, login)? {
            return Ok(Some(u));
        }
    } else if validate::email(login).is_ok() {
        if let Some(u) = by_email(tx, app, login)? {
            return Ok(Some(u));
        }
    }
    if let Some(u) = by_name(tx, app, login)? {
        return Ok(Some(u));
    }
    if let Some(u) = by_phone(tx, app, login)? {
        return Ok(Some(u));
    }
    by_email(tx, app, login)
}

/// A user about to be created.
#[derive(Debug, Default, Clone)]
pub struct NewUser {
    /// User name.
    pub user_name: String,
    /// Password hash.
    pub pwd_hash: Option<String>,
    /// Third-party platform.
    pub platform: Option<String>,
    /// Third-party id.
    pub union_id: Option<String>,
    /// Verified phone.
    pub phone: Option<String>,
    /// Verified email.
    pub email: Option<String>,
    /// Nickname.
    pub nick_name: Option<String>,
    /// Avatar URL.
    pub avatar: Option<String>,
    /// Custom data.
    pub data: Option<String>,
}

/// Inserts a user after checking that name, phone, email and third-party id are free (409).
/// The unique indexes decide when another instance inserted the same name, phone, email or
/// third-party id in between: that, too, is a 409 naming the field.
pub fn create(tx: &Tx<'_>, app: i64, u: &NewUser) -> Result<User, ApiError> {
    if by_name(tx, app, &u.user_name)?.is_some() {
        return Err(ApiError::UserExists("userName"));
    }
    if let Some(p) = &u.phone {
        if by_phone(tx, app, p)?.is_some() {
            return Err(ApiError::UserExists("phone"));
        }
    }
    if let Some(e) = &u.email {
        if by_email(tx, app, e)?.is_some() {
            return Err(ApiError::UserExists("email"));
        }
    }
    if let (Some(p), Some(id)) = (&u.platform, &u.union_id) {
        if by_union(tx, app, p, id)?.is_some() {
            return Err(ApiError::UserExists("unionID"));
        }
    }
    let now = now_date();
    let id = tx.query_one(
        "INSERT INTO users (app_id, user_name, pwd_hash, platform, union_id, phone, phone_valid,
            email, email_valid, nick_name, avatar, data, create_date, last_update)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13) RETURNING id",
        params![
            app,
            u.user_name,
            u.pwd_hash,
            u.platform,
            u.union_id,
            u.phone,
            u.phone.is_some(),
            u.email,
            u.email.is_some(),
            u.nick_name,
            u.avatar,
            u.data,
            now
        ],
        |r| r.get::<i64>(0),
    );
    let id = match id {
        Ok(id) => id,
        Err(DbError::Unique(index)) => return Err(ApiError::UserExists(taken_field(&index))),
        Err(e) => return Err(e.into()),
    };
    by_id(tx, app, id)?.ok_or(ApiError::Internal)
}

/// The field a unique index of users guards: PostgreSQL names the index (`users_phone`),
/// SQLite its columns (`users.app_id, users.phone`).
fn taken_field(index: &str) -> &'static str {
    if index.contains("phone") {
        "phone"
    } else if index.contains("email") {
        "email"
    } else if index.contains("union") {
        "unionID"
    } else {
        "userName"
    }
}

/// Sets (or clears) each profile field whose `.0` is true; leaves the others alone.
pub fn update_profile(
    tx: &Tx<'_>,
    id: i64,
    avatar: (bool, Option<&str>),
    nick_name: (bool, Option<&str>),
    data: (bool, Option<&str>),
) -> Result<(), ApiError> {
    tx.execute(
        "UPDATE users SET
            avatar = CASE WHEN ?1 THEN ?2 ELSE avatar END,
            nick_name = CASE WHEN ?3 THEN ?4 ELSE nick_name END,
            data = CASE WHEN ?5 THEN ?6 ELSE data END,
            last_update = ?7
         WHERE id = ?8",
        params![
            avatar.0,
            avatar.1,
            nick_name.0,
            nick_name.1,
            data.0,
            data.1,
            now_date(),
            id
        ],
    )?;
    Ok(())
}

/// Replaces the user's password hash and bumps the token version (ending every token
/// issued before).
pub fn set_password(tx: &Tx<'_>, id: i64, hash: &str) -> Result<(), ApiError> {
    tx.execute(
        "UPDATE users SET pwd_hash = ?1, last_update = ?2, token_version = token_version + 1
         WHERE id = ?3",
        params![hash, now_date(), id],
    )?;
    Ok(())
}

impl User {
    /// The Profile answer.
    pub fn profile(&self) -> Value {
        json!({
            "appID": self.app_id,
            "platform": self.platform,
            "unionID": self.union_id,
            "phone": self.phone,
            "createDate": self.create_date,
            "userName": self.user_name,
            "phoneIsValid": self.phone_valid,
            "data": self.data,
            "email": self.email,
            "emailIsValid": self.email_valid,
            "lastUpdate": self.last_update,
            "nickName": self.nick_name,
            "id": self.id,
            "avatar": self.avatar,
            "role": self.role,
        })
    }
}
