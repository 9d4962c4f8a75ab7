//! The one error type of every call, rendered as the envelope with a readable `err`.

use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use serde_json::json;

use crate::lang::Lang;

/// Why a call was refused; each variant knows its envelope code and its sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The body is over the size limit (bytes).
    BodyTooLarge(usize),
    /// The body is empty.
    EmptyBody,
    /// The body is not JSON.
    BadJson,
    /// The body is JSON but not an object.
    NotObject,
    /// The body has a field the call does not take (named as sent, shortened).
    UnknownField(String),
    /// A required field is absent, null or empty.
    Missing(&'static str),
    /// A field has the wrong JSON type; the second value names the expected type.
    WrongType(&'static str, &'static str),
    /// A field is longer than allowed (characters).
    TooLong(&'static str, usize),
    /// A field is shorter than allowed (characters).
    TooShort(&'static str, usize),
    /// A field contains control characters.
    ControlChars(&'static str),
    /// A field has a value outside what the call accepts.
    Invalid(&'static str),
    /// The app id in the path is not configured.
    UnknownApp,
    /// No `Authorization: Bearer` header.
    NoToken,
    /// The token is malformed, forged, tampered with or for another app.
    BadToken,
    /// The token has expired.
    ExpiredToken,
    /// Wrong user name or password.
    WrongCredentials,
    /// No account with that phone, email or third-party id.
    UserNotFound,
    /// An account already uses that value of the named field.
    UserExists(&'static str),
    /// No code was sent to this recipient for this purpose.
    CodeNone,
    /// The code does not match.
    CodeWrong,
    /// The code has expired.
    CodeExpired,
    /// The code was used already.
    CodeUsed,
    /// Too many wrong tries burnt the code.
    CodeBurned,
    /// A code was sent less than the resend window ago; seconds left.
    TooSoon(u64),
    /// The QR sign-in key is unknown.
    QrUnknown,
    /// The QR sign-in key has expired.
    QrExpired,
    /// The QR sign-in key was used already.
    QrUsed,
    /// The QR code has not been scanned yet (code 201, HTTP 200).
    QrWaiting,
    /// The QR code was scanned; waiting for the phone to confirm (code 202, HTTP 200).
    QrScanned,
    /// The redirect URI is not on the app's allow-list.
    RedirectNotAllowed,
    /// The OAuth code is unknown or for another app.
    OAuthCodeInvalid,
    /// The OAuth code was used already.
    OAuthCodeUsed,
    /// The OAuth code has expired.
    OAuthCodeExpired,
    /// No such consent for this user.
    ConsentNotFound,
    /// Not enough points to spend (dev endpoint).
    NotEnoughPoints,
    /// No such route (or a dev route while the outbox is off).
    NotFound,
    /// The route exists but not for this method.
    MethodNotAllowed,
    /// Too many attempts or sends (password guesses, codes sent); seconds until allowed.
    Throttled(u64),
    /// Every password-hashing slot is taken and the queue is full; seconds to wait.
    Busy(u64),
    /// The request body did not arrive within the body time-out.
    BodyTimeout,
    /// Authorize's `redirect_uri` is not the one the code was granted for.
    RedirectMismatch,
    /// A user name shaped like a phone number or email address that is not this sign-up's
    /// verified phone or email.
    UserNameReserved,
    /// A user name with invisible, bidirectional or mixed-script look-alike characters.
    UserNameChars,
    /// Something failed on the server's side.
    Internal,
}

impl ApiError {
    /// The envelope's `code`.
    pub fn code(&self) -> u16 {
        use ApiError::*;
        match self {
            BodyTooLarge(_) => 413,
            EmptyBody | BadJson | NotObject | UnknownField(_) | Missing(_) | WrongType(..)
            | TooLong(..) | TooShort(..) | ControlChars(_) | Invalid(_) | CodeNone
            | RedirectMismatch | UserNameReserved | UserNameChars => 400,
            NoToken | BadToken | ExpiredToken | WrongCredentials | CodeWrong | OAuthCodeInvalid => {
                401
            }
            RedirectNotAllowed => 403,
            UnknownApp | UserNotFound | QrUnknown | ConsentNotFound | NotFound => 404,
            MethodNotAllowed => 405,
            UserExists(_) | NotEnoughPoints => 409,
            CodeExpired | CodeUsed | QrExpired | QrUsed | OAuthCodeUsed | OAuthCodeExpired => 410,
            BodyTimeout => 408,
            CodeBurned | TooSoon(_) | Throttled(_) => 429,
            Busy(_) => 503,
            QrWaiting => 201,
            QrScanned => 202,
            Internal => 500,
        }
    }

    /// The HTTP status: the code where it is an HTTP error, 200 for the QR waiting states.
    pub fn status(&self) -> StatusCode {
        match self.code() {
            201 | 202 => StatusCode::OK,
            c => StatusCode::from_u16(c).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        }
    }

    /// The sentence for `err`, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Zh => self.zh(),
        }
    }

    /// The English sentences, one arm per variant.
    fn en(&self) -> String {
        use ApiError::*;
        match self {
            BodyTooLarge(n) => format!("The request body is too large (at most {} KiB).", n / 1024),
            EmptyBody => "The request body is empty; a JSON object is expected.".into(),
            BadJson => "The request body is not valid JSON.".into(),
            NotObject => "The request body must be a JSON object.".into(),
            UnknownField(f) => format!("This call does not take the field `{f}`; check its name."),
            Missing(f) => format!("The field `{f}` is required."),
            WrongType(f, t) => format!("The field `{f}` must be a {t}."),
            TooLong(f, n) => format!("The field `{f}` is too long (at most {n} characters)."),
            TooShort(f, n) => format!("The field `{f}` is too short (at least {n} characters)."),
            ControlChars(f) => format!("The field `{f}` contains control characters."),
            Invalid(f) => format!("The field `{f}` has an invalid value."),
            UnknownApp => "There is no such app.".into(),
            NoToken => "Sign-in required: the Authorization: Bearer token is missing.".into(),
            BadToken => "The token is not valid; please sign in again.".into(),
            ExpiredToken => "The token has expired; please sign in again.".into(),
            WrongCredentials => "The user name or password is wrong.".into(),
            UserNotFound => "No account uses this phone, email or third-party id yet.".into(),
            UserExists(f) => format!("An account with this {} already exists.", en_field(f)),
            CodeNone => "No code has been sent for this; please request a code first.".into(),
            CodeWrong => "The code is wrong.".into(),
            CodeExpired => "The code has expired; please request a new one.".into(),
            CodeUsed => "The code has already been used; please request a new one.".into(),
            CodeBurned => "Too many wrong tries; please request a new code.".into(),
            TooSoon(s) => format!("A code was sent recently; please try again in {s} s."),
            QrUnknown => "There is no such QR sign-in.".into(),
            QrExpired => "The QR code has expired; please get a new one.".into(),
            QrUsed => "The QR code has already been used.".into(),
            QrWaiting => "Waiting for the QR code to be scanned.".into(),
            QrScanned => "Scanned; please confirm on your phone.".into(),
            RedirectNotAllowed => "This redirect_uri is not allowed for this app.".into(),
            OAuthCodeInvalid => "The authorization code is not valid.".into(),
            OAuthCodeUsed => "The authorization code has already been used.".into(),
            OAuthCodeExpired => "The authorization code has expired.".into(),
            ConsentNotFound => "There is no such consent.".into(),
            NotEnoughPoints => "Not enough points.".into(),
            NotFound => "There is no such endpoint.".into(),
            MethodNotAllowed => "This method is not allowed here.".into(),
            Throttled(s) => format!("Too many attempts; please try again in {s} s."),
            Busy(s) => format!("The server is busy; please try again in {s} s."),
            BodyTimeout => "The request body arrived too slowly.".into(),
            RedirectMismatch => "This redirect_uri is not the one the code was granted for.".into(),
            UserNameReserved => "A user name that looks like a phone number or email address \
                                 must be your verified phone or email; sign up with it instead."
                .into(),
            UserNameChars => "The user name contains invisible, direction-changing or \
                              look-alike characters."
                .into(),
            Internal => "Something went wrong on the server.".into(),
        }
    }

    /// The Chinese sentences, one arm per variant, in the same order as [`ApiError::en`].
    fn zh(&self) -> String {
        use ApiError::*;
        match self {
            BodyTooLarge(n) => format!("请求体过大,最多 {} KiB。", n / 1024),
            EmptyBody => "请求体为空,需要一个 JSON 对象。".into(),
            BadJson => "请求体不是有效的 JSON。".into(),
            NotObject => "请求体必须是 JSON 对象。".into(),
            UnknownField(f) => format!("此接口不接受字段 {f},请检查字段名。"),
            Missing(f) => format!("缺少必填字段 {f}。"),
            WrongType(f, t) => format!("字段 {f} 的类型错误,应为{}。", zh_type(t)),
            TooLong(f, n) => format!("字段 {f} 过长,最多 {n} 个字符。"),
            TooShort(f, n) => format!("字段 {f} 过短,至少 {n} 个字符。"),
            ControlChars(f) => format!("字段 {f} 含有控制字符。"),
            Invalid(f) => format!("字段 {f} 的值无效。"),
            UnknownApp => "应用不存在。".into(),
            NoToken => "需要登录:缺少 Authorization: Bearer 令牌。".into(),
            BadToken => "令牌无效,请重新登录。".into(),
            ExpiredToken => "令牌已过期,请重新登录。".into(),
            WrongCredentials => "用户名或密码错误。".into(),
            UserNotFound => "该手机号、邮箱或第三方账号尚未注册。".into(),
            UserExists(f) => format!("该{}已被注册。", zh_field(f)),
            CodeNone => "尚未发送验证码,请先获取验证码。".into(),
            CodeWrong => "验证码错误。".into(),
            CodeExpired => "验证码已过期,请重新获取。".into(),
            CodeUsed => "验证码已使用,请重新获取。".into(),
            CodeBurned => "验证码错误次数过多,请重新获取。".into(),
            TooSoon(s) => format!("发送过于频繁,请 {s} 秒后再试。"),
            QrUnknown => "二维码不存在。".into(),
            QrExpired => "二维码已过期,请刷新。".into(),
            QrUsed => "二维码已使用。".into(),
            QrWaiting => "等待扫码。".into(),
            QrScanned => "已扫码,请在手机上确认。".into(),
            RedirectNotAllowed => "该回调地址不在应用允许的列表中。".into(),
            OAuthCodeInvalid => "授权码无效。".into(),
            OAuthCodeUsed => "授权码已使用。".into(),
            OAuthCodeExpired => "授权码已过期。".into(),
            ConsentNotFound => "授权记录不存在。".into(),
            NotEnoughPoints => "积分不足。".into(),
            NotFound => "接口不存在。".into(),
            MethodNotAllowed => "不支持该请求方法。".into(),
            Throttled(s) => format!("尝试过于频繁,请 {s} 秒后再试。"),
            Busy(s) => format!("服务器繁忙,请 {s} 秒后再试。"),
            BodyTimeout => "请求体发送过慢。".into(),
            RedirectMismatch => "该回调地址与授权码申请时的不一致。".into(),
            UserNameReserved => {
                "形如手机号或邮箱的用户名必须是您已验证的手机号或邮箱,请用它注册。".into()
            }
            UserNameChars => "用户名含有不可见、改变文字方向或易混淆的字符。".into(),
            Internal => "服务器内部错误。".into(),
        }
    }
}

fn zh_type(t: &str) -> &'static str {
    match t {
        "string" => "字符串",
        "integer" => "整数",
        "number or string" => "数字或字符串",
        _ => "其他类型",
    }
}

fn zh_field(f: &str) -> &'static str {
    match f {
        "phone" => "手机号",
        "email" => "邮箱",
        "unionID" => "第三方账号",
        _ => "用户名",
    }
}

fn en_field(f: &str) -> &'static str {
    match f {
        "phone" => "phone number",
        "email" => "email address",
        "unionID" => "third-party id",
        _ => "user name",
    }
}

impl ApiError {
    /// Seconds after which trying again may work (sent as `Retry-After`).
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            ApiError::TooSoon(s) | ApiError::Throttled(s) | ApiError::Busy(s) => Some((*s).max(1)),
            _ => None,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body =
            json!({ "code": self.code(), "data": null, "err": self.message(Lang::current()) });
        let mut res = (self.status(), Json(body)).into_response();
        if let Some(s) = self.retry_after() {
            res.headers_mut()
                .insert(axum::http::header::RETRY_AFTER, s.into());
        }
        res
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        eprintln!("database error: {e}");
        ApiError::Internal
    }
}

/// The success envelope around `data`.
pub fn ok(data: serde_json::Value) -> Response {
    Json(json!({ "code": 200, "data": data, "err": "" })).into_response()
}

/// Result type of every handler.
pub type ApiResult = Result<Response, ApiError>;
