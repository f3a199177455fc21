//! Search text of lists (`q`, Logto's `search`): bounded, so a database never sees a pattern it
//! cannot handle (SQLite fails on `LIKE` patterns of tens of thousands of characters).

use super::DomainError;
use super::rules::Issue;

/// Longest search text a list accepts, in characters.
pub const MAX_SEARCH_CHARS: usize = 256;

/// Logto's guard issue for search text under `key` that is too long; `None` when it fits.
pub fn too_long(key: &str, text: &str) -> Option<Issue> {
    (text.chars().count() > MAX_SEARCH_CHARS).then(|| {
        Issue::at(
            key,
            "too_big",
            format!("String must contain at most {MAX_SEARCH_CHARS} character(s)"),
        )
    })
}

/// Search text `q` as typed into a list's search box: trimmed, `None` when empty (no filter),
/// refused when too long (under the key `q`, in the Management API's words).
pub fn search_text(q: &str) -> Result<Option<&str>, DomainError> {
    let q = q.trim();
    if let Some(issue) = too_long("q", q) {
        return Err(DomainError::invalid(issue));
    }
    Ok(Some(q).filter(|q| !q.is_empty()))
}
