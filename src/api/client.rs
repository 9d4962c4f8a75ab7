//! The [`Client`] and the plumbing shared by every call: URL, headers, fetch, timeout, abort.

use core::fmt;
use core::time::Duration;

use gloo_net::http::RequestBuilder;
use serde::de::DeserializeOwned;
use serde::Serialize;
use web_sys::AbortController;

use super::envelope::decode_envelope;
use super::error::ApiError;
use super::in_flight::CallInFlight;
use super::route::Route;
use super::timeout::with_timeout;

/// A client of one OAuthApp server for one application.
///
/// Cheap to clone. Every call is aborted when it takes longer than the timeout
/// ([`Client::DEFAULT_TIMEOUT`] unless set with [`Client::with_timeout`]) and also when its
/// future is dropped (for example when the component that started it is cleaned up).
///
/// ```no_run
/// # async fn demo() -> Result<(), oauthapp_login::api::ApiError> {
/// use oauthapp_login::api::{Client, SignInRequest};
/// let client = Client::new("https://www.oauthapp.com/", 2);
/// let token = client.sign_in(&SignInRequest::new("alice", "secret")).await?;
/// let profile = client.with_token(&token.access_token).profile().await?;
/// # let _ = profile; Ok(()) }
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Client {
    server_url: String,
    app_id: u64,
    token: Option<String>,
    timeout: Duration,
    language: Option<String>,
}

impl Client {
    /// The timeout of every call unless set otherwise: 15 seconds.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

    /// A client of the server at `server_url` (e.g. `https://www.oauthapp.com`; trailing
    /// slashes and surrounding spaces are ignored; an empty URL means the page's own origin)
    /// for the application `app_id`, without a token.
    pub fn new(server_url: &str, app_id: u64) -> Self {
        Client {
            server_url: normalize_server_url(server_url),
            app_id,
            token: None,
            timeout: Self::DEFAULT_TIMEOUT,
            language: None,
        }
    }

    /// The same client, sending `access_token` as the bearer token of the calls that need one.
    pub fn with_token(&self, access_token: impl Into<String>) -> Self {
        Client {
            token: Some(access_token.into()),
            ..self.clone()
        }
    }

    /// The same client without a token.
    pub fn without_token(&self) -> Self {
        Client {
            token: None,
            ..self.clone()
        }
    }

    /// The same client with another timeout for every call.
    pub fn with_timeout(&self, timeout: Duration) -> Self {
        Client {
            timeout,
            ..self.clone()
        }
    }

    /// The same client, asking the server for its sentences (`err`) in `language`, a BCP 47
    /// tag such as `zh-CN` sent as `Accept-Language`.
    pub fn with_language(&self, language: &str) -> Self {
        Client {
            language: Some(language.to_owned()),
            ..self.clone()
        }
    }

    /// The language asked of the server, if any.
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// The server URL, without a trailing slash.
    pub fn server_url(&self) -> &str {
        &self.server_url
    }

    /// The application id.
    pub fn app_id(&self) -> u64 {
        self.app_id
    }

    /// The timeout of every call.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// True when this client has a bearer token.
    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    /// The full URL of `route`, without its query.
    pub(crate) fn url(&self, route: &Route<'_>) -> String {
        format!("{}{}", self.server_url, route.path(self.app_id))
    }

    /// Makes the call `route` with `body` as its JSON body and decodes the answer's `data`.
    pub(crate) async fn send_json<B, T>(&self, route: Route<'_>, body: &B) -> Result<T, ApiError>
    where
        B: Serialize + ?Sized,
        T: DeserializeOwned,
    {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Encode(e.to_string()))?;
        let (status, bytes) = self.exchange(route, Some(json)).await?;
        decode_envelope(status, &bytes)
    }

    /// Makes the call `route` without a body and decodes the answer's `data`.
    pub(crate) async fn send_empty<T: DeserializeOwned>(
        &self,
        route: Route<'_>,
    ) -> Result<T, ApiError> {
        let (status, bytes) = self.exchange(route, None).await?;
        decode_envelope(status, &bytes)
    }

    /// Makes the call `route` and gives the HTTP status and the raw body, within the timeout.
    pub(crate) async fn exchange(
        &self,
        route: Route<'_>,
        json: Option<String>,
    ) -> Result<(u16, Vec<u8>), ApiError> {
        // Counted until this future ends or is dropped (`calls_in_flight`).
        let _counted = CallInFlight::start();
        let controller = AbortController::new().map_err(|e| ApiError::Network(js_text(&e)))?;
        // Aborts the fetch when this future ends or is dropped (a no-op once it has finished).
        let _abort = AbortOnDrop(controller.clone());
        let signal = controller.signal();
        let query = route.query();
        // The query goes through gloo-net's own parameters: a query already in the URL gets a
        // stray `&` appended by gloo-net 0.6.
        let mut builder = RequestBuilder::new(&self.url(&route))
            .query(query.iter().map(|(name, value)| (*name, value.as_str())))
            .method(route.method())
            .abort_signal(Some(&signal))
            .header("Accept", "application/json");
        if let Some(language) = &self.language {
            builder = builder.header("Accept-Language", language);
        }
        if let (true, Some(token)) = (route.needs_token(), &self.token) {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        let request = match json {
            Some(json) => builder
                .header("Content-Type", "application/json")
                .body(json),
            None => builder.build(),
        }
        .map_err(network)?;
        let work = async move {
            let response = request.send().await.map_err(network)?;
            let status = response.status();
            let bytes = response.binary().await.map_err(network)?;
            Ok((status, bytes))
        };
        with_timeout(work, self.timeout).await?
    }
}

impl fmt::Debug for Client {
    /// Shows everything but the token itself.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("server_url", &self.server_url)
            .field("app_id", &self.app_id)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// Aborts its controller when dropped.
struct AbortOnDrop(AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// `url` without surrounding spaces and trailing slashes.
pub(crate) fn normalize_server_url(url: &str) -> String {
    url.trim().trim_end_matches('/').to_owned()
}

/// A gloo-net error as [`ApiError::Network`].
fn network(e: gloo_net::Error) -> ApiError {
    ApiError::Network(e.to_string())
}

/// The text of a JavaScript exception.
fn js_text(value: &wasm_bindgen::JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_slashes_and_spaces_are_ignored() {
        let a = Client::new(" https://example.test/// ", 2);
        assert_eq!(a.server_url(), "https://example.test");
        assert_eq!(
            a.url(&Route::SignIn),
            "https://example.test/api/AppUsers/2/SignIn"
        );
        assert_eq!(a, Client::new("https://example.test", 2));
    }

    #[test]
    fn empty_server_url_gives_same_origin_paths() {
        let c = Client::new("", 5);
        assert_eq!(c.url(&Route::Profile), "/api/AppUsers/5/Profile");
    }

    #[test]
    fn builders_set_token_and_timeout() {
        let c = Client::new("http://x", 1);
        assert_eq!(c.timeout(), Duration::from_secs(15));
        assert!(!c.has_token());
        let t = c.with_token("abc").with_timeout(Duration::from_millis(500));
        assert!(t.has_token());
        assert_eq!(t.timeout(), Duration::from_millis(500));
        assert_eq!(t.app_id(), 1);
        assert!(!t.without_token().has_token());
    }

    #[test]
    fn debug_does_not_show_the_token() {
        let c = Client::new("http://x", 1).with_token("secret-token");
        let shown = format!("{c:?}");
        assert!(!shown.contains("secret-token"));
        assert!(shown.contains("<redacted>"));
    }
}
