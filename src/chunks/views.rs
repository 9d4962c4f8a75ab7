//! The split points: one function per chunk that builds its view. Call them only once their
//! [`Chunk`](super::Chunk) is in ([`on_demand`](super::on_demand) does): the wrapper is
//! `async` (it would fetch the chunk first), and resolves at once when the chunk is there.

use leptos::prelude::*;

use super::chunk::{ChunkError, Fetch};
use crate::api::Client;
use crate::flows::{AuthRequest, ConsentScreen, QrSignIn, ResetPasswordForm};
use crate::pages::{AccountPage, AccountPages};

/// Declares a split point: `$name(args)` builds the view of chunk `$chunk` and `$fetch()`
/// fetches that chunk. Split builds (`--cfg oauthapp_split`) go through
/// `wasm_split_helpers::wasm_split` in its `fallible` mode, so a chunk that fails to load is a
/// [`ChunkError`], never a panic (Leptos' own `#[lazy]` panics, which would abort the whole
/// module); other builds call the function directly.
macro_rules! split_view {
    (
        $(#[$doc:meta])*
        $chunk:ident: fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block
        fetch: $fetch:ident, preload: $preload:ident
    ) => {
        #[cfg(oauthapp_split)]
        #[::leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        $(#[$doc])*
        pub(crate) fn $name($($arg: $ty),*) -> Result<AnyView, ChunkError> {
            Ok($body)
        }

        #[cfg(oauthapp_split)]
        pub(crate) fn $fetch() -> Fetch {
            Box::pin(async { $preload().await.map_err(ChunkError::from) })
        }

        #[cfg(not(oauthapp_split))]
        $(#[$doc])*
        pub(crate) async fn $name($($arg: $ty),*) -> Result<AnyView, ChunkError> {
            Ok($body)
        }

        #[cfg(not(oauthapp_split))]
        pub(crate) fn $fetch() -> Fetch {
            Box::pin(async { Ok(()) })
        }
    };
}

split_view! {
    /// The QR sign-in (its poller, state machine and the `qrcode` encoder).
    qr: fn qr_view(active: Signal<bool>, scopes: String, template: String) {
        view! { <QrSignIn active=active scopes=scopes template=template /> }.into_any()
    }
    fetch: fetch_qr, preload: preload_qr
}

split_view! {
    /// The password reset form.
    reset: fn reset_view(on_done: Callback<String>, on_back: Callback<()>) {
        view! { <ResetPasswordForm on_done=on_done on_back=on_back /> }.into_any()
    }
    fetch: fetch_reset, preload: preload_reset
}

split_view! {
    /// The signed-in pages behind their navigation, `initial` first.
    pages: fn pages_view(initial: Option<AccountPage>) {
        match initial {
            Some(page) => view! { <AccountPages initial=page /> }.into_any(),
            None => view! { <AccountPages /> }.into_any(),
        }
    }
    fetch: fetch_pages, preload: preload_pages
}

split_view! {
    /// The OAuth consent screen for the request in the page's URL.
    consent: fn consent_view(client: Client) {
        view! { <ConsentScreen request=AuthRequest::from_query() client=client /> }.into_any()
    }
    fetch: fetch_consent, preload: preload_consent
}
