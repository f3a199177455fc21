//! The description of the `q` parameter the searchable lists share.

pub(super) const Q: &str = "Search text: a case-insensitive substring of the name, ID or other listed fields; \
                 at most 256 characters (longer: 400 `guard.invalid_input`).";
