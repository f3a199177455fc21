//! One broken rule of a request, as the domain reports it: the key path it is about and its
//! line in Logto's `guard.invalid_input` details. Its own file so that the error type and the
//! rules that produce it both import it without importing each other.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// One broken rule: the key path it is about (`branding.logoUrl`; none for a rule about the
/// whole input), and its line as Logto's details show it. Callers that speak to people
/// (the console) read the key and the message; the Management API shows the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    key: Option<String>,
    message: String,
    line: String,
}

impl Issue {
    /// A rule about the value at `key`, with zod's issue `code`.
    pub fn at(key: &str, code: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Issue {
            line: line(key, code, &message),
            key: Some(key.to_owned()),
            message,
        }
    }

    /// A rule about the input as a whole, said in plain words.
    pub fn general(message: impl Into<String>) -> Self {
        let message = message.into();
        Issue {
            key: None,
            line: message.clone(),
            message,
        }
    }

    /// The key path the rule is about.
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// What is wrong, without the key path (`String must contain at least 1 character(s)`).
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The details line.
impl Deref for Issue {
    type Target = str;

    fn deref(&self) -> &str {
        &self.line
    }
}

impl AsRef<str> for Issue {
    fn as_ref(&self) -> &str {
        &self.line
    }
}

impl Borrow<str> for Issue {
    fn borrow(&self) -> &str {
        &self.line
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line)
    }
}

/// Compares with the details line (tests read issues by their lines).
impl PartialEq<&str> for Issue {
    fn eq(&self, other: &&str) -> bool {
        self.line == *other
    }
}

/// One details line.
fn line(key: &str, code: &str, message: &str) -> String {
    format!("Error in key path \"{key}\": ({code}) {message}")
}
