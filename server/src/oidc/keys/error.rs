//! Why loading, rotating or signing with keys failed.

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("key storage: {0}")]
    Storage(#[from] crate::storage::StorageError),
    #[error("key material: {0}")]
    Crypto(String),
}
