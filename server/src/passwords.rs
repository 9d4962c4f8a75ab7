//! Password hashing with argon2id, run off the async threads and bounded: at most
//! `slots` hashes at once (each takes `memory_kib` of memory), at most `queue` requests
//! waiting for a slot, each for at most `wait`; past either, [`ApiError::Busy`].

use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Duration,
};

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};
use tokio::sync::{OnceCell, Semaphore};

use crate::error::ApiError;

/// Argon2 with its cost parameters, behind a semaphore and a bounded queue.
pub struct Hasher {
    memory_kib: u32,
    iterations: u32,
    slots: Arc<Semaphore>,
    waiting: AtomicUsize,
    queue: usize,
    wait: Duration,
    dummy: OnceCell<String>,
}

/// Counts a waiting request for as long as it waits (also when its future is dropped).
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Hasher {
    /// A hasher with the given memory (KiB) and iteration costs, `slots` hashes at once,
    /// `queue` waiting requests at most, each waiting at most `wait`.
    pub fn new(
        memory_kib: u32,
        iterations: u32,
        slots: usize,
        queue: usize,
        wait: Duration,
    ) -> Hasher {
        Hasher {
            memory_kib: memory_kib.max(8),
            iterations: iterations.max(1),
            slots: Arc::new(Semaphore::new(slots.max(1))),
            waiting: AtomicUsize::new(0),
            queue,
            wait,
            dummy: OnceCell::new(),
        }
    }

    fn argon2(&self) -> Result<Argon2<'static>, ApiError> {
        let params = Params::new(self.memory_kib, self.iterations, 1, None)
            .map_err(|_| ApiError::Internal)?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }

    /// Seconds a refused request is told to wait.
    fn retry_secs(&self) -> u64 {
        self.wait.as_secs().clamp(1, 30)
    }

    /// Runs `work` on a blocking thread once a slot is free. The slot is held until the work
    /// ends, even if the request is dropped meanwhile, so the bound is real.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = match self.slots.clone().try_acquire_owned() {
            Ok(p) => p,
            Err(_) => {
                if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.queue {
                    self.waiting.fetch_sub(1, Ordering::SeqCst);
                    return Err(ApiError::Busy(self.retry_secs()));
                }
                let _counted = Waiting(&self.waiting);
                match tokio::time::timeout(self.wait, self.slots.clone().acquire_owned()).await {
                    Ok(Ok(p)) => p,
                    _ => return Err(ApiError::Busy(self.retry_secs())),
                }
            }
        };
        tokio::task::spawn_blocking(move || {
            let out = work();
            drop(permit);
            out
        })
        .await
        .map_err(|_| ApiError::Internal)
    }

    /// Hashes a password into a PHC string.
    pub async fn hash(&self, pwd: String) -> Result<String, ApiError> {
        let argon = self.argon2()?;
        self.run(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon
                .hash_password(pwd.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|_| ApiError::Internal)
        })
        .await?
    }

    /// Whether `pwd` matches the stored PHC string (false for a malformed hash).
    pub async fn verify(&self, pwd: String, phc: String) -> Result<bool, ApiError> {
        let argon = self.argon2()?;
        self.run(move || {
            PasswordHash::new(&phc)
                .map(|h| argon.verify_password(pwd.as_bytes(), &h).is_ok())
                .unwrap_or(false)
        })
        .await
    }

    /// Spends the same work as [`Hasher::verify`] against a hash no password matches, so a
    /// refusal for an unknown user (or one without a password) takes as long as a wrong
    /// password. Always false.
    pub async fn verify_dummy(&self, pwd: String) -> Result<bool, ApiError> {
        let dummy = self
            .dummy
            .get_or_try_init(|| self.hash(unknowable_password()))
            .await?
            .clone();
        self.verify(pwd, dummy).await.map(|_| false)
    }
}

/// A random password nobody knows, for the dummy hash.
fn unknowable_password() -> String {
    crate::codes::random_hex(32)
}

/// Makes freed password-hashing memory go back to the system at once. glibc serves the
/// 19 MiB argon2 blocks from per-thread arenas after the first free (its mmap threshold
/// adapts upwards) and keeps them; a fixed threshold makes every large block an `mmap`
/// that `free` returns. Process-wide; called once by [`crate::start`]. No-op elsewhere.
pub fn return_memory_to_os() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            // SAFETY: mallopt only changes allocator tunables; 1 MiB is a valid threshold.
            unsafe {
                libc::mallopt(libc::M_MMAP_THRESHOLD, 1024 * 1024);
            }
        });
    }
}
