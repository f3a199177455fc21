//! Value rules every writer shares (Management API bodies, console forms, sign-in flows): each
//! broken rule is one line in the format of Logto's `guard.invalid_input` details,
//! `Error in key path "name": (too_small) String must contain at least 1 character(s)`.
//! The Management API's body readers apply the same functions while reading JSON, so both
//! report the same words.

use super::DomainError;
pub use super::issue::Issue;

/// Broken rules, in the order they were checked.
#[derive(Default)]
pub struct Issues(Vec<Issue>);

impl Issues {
    pub fn push(&mut self, key: &str, code: &str, message: impl Into<String>) {
        self.0.push(Issue::at(key, code, message));
    }

    /// Checks a text value; `false` (and an issue) when it breaks a rule.
    pub fn text(&mut self, key: &str, value: &str, min: usize, max: usize) -> bool {
        match text_problem(value, min, max) {
            Some((code, message)) => {
                self.push(key, code, message);
                false
            }
            None => true,
        }
    }

    /// Checks each text of a list, keyed `key.0`, `key.1`, … as zod reports array items.
    pub fn texts(&mut self, key: &str, values: &[String], min: usize, max: usize) -> bool {
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            ok &= self.text(&format!("{key}.{i}"), value, min, max);
        }
        ok
    }

    pub fn finish(self) -> Result<(), DomainError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(self.0))
        }
    }
}

/// zod's message for a value outside an enumeration.
pub fn enum_message(allowed: &[&str], value: &str) -> String {
    let expected: Vec<String> = allowed.iter().map(|v| format!("'{v}'")).collect();
    format!(
        "Invalid enum value. Expected {}, received '{value}'",
        expected.join(" | ")
    )
}

/// What is wrong with a text value: a NUL character, or a length outside `min..=max`
/// (counted in UTF-16 code units, as JavaScript and so zod count).
pub fn text_problem(value: &str, min: usize, max: usize) -> Option<(&'static str, String)> {
    if value.contains('\0') {
        return Some((
            "invalid_string",
            "String must not contain NUL characters".into(),
        ));
    }
    let len = value.encode_utf16().count();
    if len < min {
        Some((
            "too_small",
            format!("String must contain at least {min} character(s)"),
        ))
    } else if len > max {
        Some((
            "too_big",
            format!("String must contain at most {max} character(s)"),
        ))
    } else {
        None
    }
}

/// An absolute URL, as zod's `.url()` accepts.
pub fn is_url(value: &str) -> bool {
    url::Url::parse(value).is_ok()
}
