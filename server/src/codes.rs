//! Verification codes: 6 digits, bound to recipient and purpose, limited lifetime, single
//! use, a resend window per recipient, and a number of wrong tries that burns a code.

use rand::Rng;
use serde_json::{json, Value};

use crate::{
    config::AppConfig,
    db::Tx,
    error::ApiError,
    params,
    time::{now_date, now_i64},
};

/// Where a code is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// A text message to a phone.
    Sms,
    /// An email.
    Email,
}

impl Channel {
    /// The name used in the outbox.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Email => "email",
        }
    }
}

/// What a code may be used for (D9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Sign-up and sign-in (`signup`, synonym `signin`).
    SignUp,
    /// Password reset (`forgetpwd`).
    ForgetPwd,
}

impl Purpose {
    /// Parses the `type` field of SendSMSCode / SendEmailCode.
    pub fn parse(s: &str) -> Option<Purpose> {
        match s.to_ascii_lowercase().as_str() {
            "signup" | "signin" => Some(Purpose::SignUp),
            "forgetpwd" => Some(Purpose::ForgetPwd),
            _ => None,
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::SignUp => "signup",
            Purpose::ForgetPwd => "forgetpwd",
        }
    }
}

/// `n` random bytes as lower-case hex.
pub fn random_hex(n: usize) -> String {
    let mut rng = rand::thread_rng();
    (0..n).map(|_| format!("{:02x}", rng.gen::<u8>())).collect()
}

/// Creates and records a code for `recipient`, refusing within the resend window. An
/// undelivered code (`delivered` false: a `forgetpwd` code for a recipient without an
/// account, recorded so the answer and the resend window look the same) is never sent and
/// not listed in the outbox.
pub fn send(
    tx: &Tx<'_>,
    app: &AppConfig,
    channel: Channel,
    recipient: &str,
    purpose: Purpose,
    delivered: bool,
) -> Result<String, ApiError> {
    // One sender per recipient at a time, across instances: the window counts them all.
    tx.lock(&format!("codes:{}:{recipient}", app.id))?;
    let now = now_i64();
    let last: Option<i64> = tx.query_one(
        "SELECT MAX(sent_at) FROM codes WHERE app_id = ?1 AND recipient = ?2",
        params![app.id, recipient],
        |r| r.get(0),
    )?;
    let window = i64::try_from(app.code_resend_secs).unwrap_or(i64::MAX);
    if let Some(last) = last {
        let wait = last.saturating_add(window).saturating_sub(now);
        if wait > 0 {
            return Err(ApiError::TooSoon(wait.unsigned_abs()));
        }
    }
    let code = format!("{:06}", rand::thread_rng().gen_range(0..1_000_000u32));
    let lifetime = i64::try_from(app.code_lifetime_secs).unwrap_or(i64::MAX);
    tx.execute(
        "INSERT INTO codes (app_id, recipient, channel, purpose, code, sent_at, expires_at,
            create_date, delivered)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            app.id,
            recipient,
            channel.as_str(),
            purpose.as_str(),
            code,
            now,
            now.saturating_add(lifetime),
            now_date(),
            delivered
        ],
    )?;
    Ok(code)
}

/// Checks `given` against the newest code sent to `recipient` for `purpose`. A wrong code
/// counts a try (the caller commits it even on refusal); the code is not consumed here.
/// Returns the code's row id for [`consume`].
pub fn check(
    tx: &Tx<'_>,
    app: &AppConfig,
    recipient: &str,
    purpose: Purpose,
    given: &str,
) -> Result<i64, ApiError> {
    // The row stays locked until the try is counted: concurrent tries through any instance
    // are checked one after the other against the counter.
    let row: Option<(i64, String, i64, i64, bool)> = tx.query_opt(
        &format!(
            "SELECT id, code, expires_at, tries, used FROM codes
             WHERE app_id = ?1 AND recipient = ?2 AND purpose = ?3 ORDER BY id DESC LIMIT 1{}",
            tx.for_update()
        ),
        params![app.id, recipient, purpose.as_str()],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    let Some((id, code, expires_at, tries, used)) = row else {
        return Err(ApiError::CodeNone);
    };
    let max_tries = i64::from(app.code_max_tries.max(1));
    if tries >= max_tries {
        return Err(ApiError::CodeBurned);
    }
    if used {
        return Err(if code == given {
            ApiError::CodeUsed
        } else {
            ApiError::CodeWrong
        });
    }
    if now_i64() >= expires_at {
        return Err(ApiError::CodeExpired);
    }
    if code != given {
        tx.execute(
            "UPDATE codes SET tries = tries + 1 WHERE id = ?1",
            params![id],
        )?;
        return Err(if tries + 1 >= max_tries {
            ApiError::CodeBurned
        } else {
            ApiError::CodeWrong
        });
    }
    Ok(id)
}

/// Marks a checked code used (call inside the transaction that does the work).
pub fn consume(tx: &Tx<'_>, id: i64) -> Result<(), ApiError> {
    let n = tx.execute(
        "UPDATE codes SET used = 1 WHERE id = ?1 AND used = 0",
        params![id],
    )?;
    if n == 1 {
        Ok(())
    } else {
        Err(ApiError::CodeUsed)
    }
}

/// The development outbox: the codes sent to `to` (case-insensitive), or all, newest first.
pub fn outbox(tx: &Tx<'_>, to: Option<&str>, limit: i64) -> Result<Vec<Value>, ApiError> {
    let (filter, params) = match to {
        Some(to) => (
            format!(
                "AND {} ORDER BY id DESC LIMIT ?2",
                tx.eq_nocase("recipient", 1)
            ),
            params![to, limit],
        ),
        None => ("ORDER BY id DESC LIMIT ?1".to_string(), params![limit]),
    };
    let sql = format!(
        "SELECT recipient, channel, purpose, code, create_date, app_id FROM codes
         WHERE delivered = 1 {filter}"
    );
    let rows = tx.query_all(&sql, params, |r| {
        Ok(json!({
            "to": r.get::<String>(0)?,
            "channel": r.get::<String>(1)?,
            "type": r.get::<String>(2)?,
            "code": r.get::<String>(3)?,
            "createDate": r.get::<String>(4)?,
            "appID": r.get::<i64>(5)?,
        }))
    })?;
    Ok(rows)
}
