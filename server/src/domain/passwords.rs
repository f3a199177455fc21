//! argon2id password hashing, always on the blocking pool so sign-ins never stall the runtime.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use std::sync::OnceLock;

use tokio::sync::{Semaphore, SemaphorePermit};

use super::DomainError;

/// Minimum length of a console password.
pub const MIN_LENGTH: usize = 8;

/// Each hash holds ~19 MiB while it runs; more at once than the machine has cores only queues
/// in memory, so a flood of password requests waits here instead of on the blocking pool.
fn permits() -> &'static Semaphore {
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Semaphore::new(cores * 2)
    })
}

async fn permit() -> Result<SemaphorePermit<'static>, DomainError> {
    permits()
        .acquire()
        .await
        .map_err(|e| DomainError::Internal(format!("hashing permits: {e}")))
}

pub async fn hash(password: String) -> Result<String, DomainError> {
    let _permit = permit().await?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| DomainError::Internal(format!("argon2: {e}")))
    })
    .await
    .map_err(|e| DomainError::Internal(format!("hashing task: {e}")))?
}

/// Verifies `password` against a PHC string. With no stored hash the same work is done against a
/// fixed one, so a missing account takes as long to reject as a wrong password.
pub async fn verify(stored: Option<String>, password: String) -> Result<bool, DomainError> {
    let _permit = permit().await?;
    tokio::task::spawn_blocking(move || {
        let (phc, real) = match stored {
            Some(phc) => (phc, true),
            None => (DUMMY_HASH.to_string(), false),
        };
        let parsed = PasswordHash::new(&phc)
            .map_err(|e| DomainError::Internal(format!("stored hash: {e}")))?;
        let ok = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(ok && real)
    })
    .await
    .map_err(|e| DomainError::Internal(format!("hashing task: {e}")))?
}

/// argon2id hash of a random string nobody knows, with the default parameters.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$\
                          m6uyDqc84OyOiROlL5eYEDEJAKOlKVBaU8kRdFF0ddQ";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_with_argon2id_and_verifies() {
        let phc = hash("correct horse".into()).await.unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(
            verify(Some(phc.clone()), "correct horse".into())
                .await
                .unwrap()
        );
        assert!(!verify(Some(phc), "wrong".into()).await.unwrap());
        assert!(!verify(None, "anything".into()).await.unwrap());
    }
}
