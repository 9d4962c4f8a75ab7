//! Password hashing with argon2id (run off the async threads).

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};

use crate::error::ApiError;

/// The argon2 cost parameters.
#[derive(Clone, Copy, Debug)]
pub struct Hasher {
    memory_kib: u32,
    iterations: u32,
}

impl Hasher {
    /// A hasher with the given memory (KiB) and iteration costs.
    pub fn new(memory_kib: u32, iterations: u32) -> Hasher {
        Hasher {
            memory_kib: memory_kib.max(8),
            iterations: iterations.max(1),
        }
    }

    fn argon2(&self) -> Result<Argon2<'static>, ApiError> {
        let params = Params::new(self.memory_kib, self.iterations, 1, None)
            .map_err(|_| ApiError::Internal)?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }

    /// Hashes a password into a PHC string.
    pub async fn hash(&self, pwd: String) -> Result<String, ApiError> {
        let argon = self.argon2()?;
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon
                .hash_password(pwd.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|_| ApiError::Internal)
        })
        .await
        .map_err(|_| ApiError::Internal)?
    }

    /// Whether `pwd` matches the stored PHC string (false for a malformed hash).
    pub async fn verify(&self, pwd: String, phc: String) -> bool {
        let Ok(argon) = self.argon2() else {
            return false;
        };
        tokio::task::spawn_blocking(move || {
            PasswordHash::new(&phc)
                .map(|h| argon.verify_password(pwd.as_bytes(), &h).is_ok())
                .unwrap_or(false)
        })
        .await
        .unwrap_or(false)
    }
}
