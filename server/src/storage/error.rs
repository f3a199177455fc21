//! Storage errors, classified by the database's error kind (works on SQLite and PostgreSQL alike).

use sqlx::error::ErrorKind;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("row not found")]
    NotFound,
    #[error("unique constraint violated")]
    UniqueViolation,
    #[error("foreign key violated")]
    ForeignKeyViolation,
    #[error("check constraint violated")]
    CheckViolation,
    /// Text the database cannot store (PostgreSQL refuses NUL characters).
    #[error("text the database cannot store")]
    UnstorableText,
    /// A value too large for an index (PostgreSQL keeps at most about 2.7 kB per index entry):
    /// the input is refused, as any too-long text is.
    #[error("value too large for the database")]
    TooLarge,
    #[error("database configuration: {0}")]
    Config(String),
    #[error("corrupt row: {0}")]
    Corrupt(String),
    #[error("database: {0}")]
    Other(#[source] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StorageError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::RowNotFound => StorageError::NotFound,
            sqlx::Error::Database(db) => match db.kind() {
                ErrorKind::UniqueViolation => StorageError::UniqueViolation,
                ErrorKind::ForeignKeyViolation => StorageError::ForeignKeyViolation,
                ErrorKind::CheckViolation => StorageError::CheckViolation,
                // SQLite 1811 (SQLITE_CONSTRAINT_TRIGGER): a type rule's RAISE(ABORT) in a trigger.
                _ if db.code().as_deref() == Some("1811") => StorageError::CheckViolation,
                // 22021: character_not_in_repertoire (a NUL byte in text).
                _ if db.code().as_deref() == Some("22021") => StorageError::UnstorableText,
                // 54000: program_limit_exceeded (an index row larger than a page allows).
                _ if db.code().as_deref() == Some("54000") => StorageError::TooLarge,
                _ => StorageError::Other(err),
            },
            _ => StorageError::Other(err),
        }
    }
}
