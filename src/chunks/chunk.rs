//! One chunk of the split module: whether it is in, and how to fetch it.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};

use super::views;

/// Whether this build is split into chunks (`--cfg oauthapp_split`, set by
/// `scripts/bundle.sh`). When not, every chunk is part of the one module and ready at once.
pub const SPLIT: bool = cfg!(oauthapp_split);

/// A chunk could not be fetched or instantiated (offline, refused, not found). The split
/// loader logs the cause to the console; the person is told [`Key::ChunkFailed`] and may try
/// again.
///
/// [`Key::ChunkFailed`]: crate::i18n::Key::ChunkFailed
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a part of the widget could not be loaded")]
pub struct ChunkError;

#[cfg(oauthapp_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// The future of one fetch of a chunk.
pub(crate) type Fetch = Pin<Box<dyn Future<Output = Result<(), ChunkError>>>>;

/// A chunk of the module, loaded at most once (a failed fetch may be tried again).
pub struct Chunk {
    name: &'static str,
    loaded: AtomicBool,
    fetch: fn() -> Fetch,
}

impl Chunk {
    const fn new(name: &'static str, fetch: fn() -> Fetch) -> Self {
        Chunk {
            name,
            loaded: AtomicBool::new(!SPLIT),
            fetch,
        }
    }

    /// The chunk's name (its file is `split_<name>.wasm`).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Whether the chunk is in, so that its views can be built at once.
    pub fn is_loaded(&self) -> bool {
        self.loaded.load(Ordering::Relaxed)
    }

    /// Fetches and instantiates the chunk unless it is in. Calls made while a fetch is under
    /// way wait for that one; a failure is not remembered, so the next call fetches again.
    pub async fn load(&'static self) -> Result<(), ChunkError> {
        if self.is_loaded() {
            return Ok(());
        }
        (self.fetch)().await?;
        self.loaded.store(true, Ordering::Relaxed);
        Ok(())
    }
}

/// The QR sign-in and its encoder.
pub static QR: Chunk = Chunk::new("qr", views::fetch_qr);
/// The password reset.
pub static RESET: Chunk = Chunk::new("reset", views::fetch_reset);
/// The signed-in pages (apps, profile, points).
pub static PAGES: Chunk = Chunk::new("pages", views::fetch_pages);
/// The OAuth consent screen.
pub static CONSENT: Chunk = Chunk::new("consent", views::fetch_consent);
