//! Validation of JSON bodies with Logto's rules and messages: unknown keys are ignored, every
//! problem becomes a line `Error in key path "x": (code) message` for the `details` field.

mod nested;

use serde_json::{Map, Value};

use crate::domain::rules::{self, Issue};
use crate::domain::{DomainError, relations};

pub struct Guard<'a> {
    obj: Option<&'a Map<String, Value>>,
    issues: Vec<Issue>,
}

/// What a present key held.
pub enum Nullable<T> {
    Absent,
    Null,
    Value(T),
}

impl<T> Nullable<T> {
    /// As a patch field: `None` keeps the stored value, `Some(None)` clears it.
    pub fn into_patch(self) -> Option<Option<T>> {
        match self {
            Nullable::Absent => None,
            Nullable::Null => Some(None),
            Nullable::Value(v) => Some(Some(v)),
        }
    }
}

impl<'a> Guard<'a> {
    pub fn new(body: &'a Value) -> Self {
        match body {
            Value::Object(map) => Guard {
                obj: Some(map),
                issues: Vec::new(),
            },
            other => Guard {
                obj: None,
                issues: vec![Issue::at(
                    "",
                    "invalid_type",
                    format!("Expected object, received {}", kind(other)),
                )],
            },
        }
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.obj.and_then(|m| m.get(key))
    }

    pub fn issue(&mut self, key: &str, code: &str, message: impl AsRef<str>) {
        self.issues.push(Issue::at(key, code, message.as_ref()));
    }

    fn expected(&mut self, key: &str, what: &str, got: &Value) {
        self.issue(
            key,
            "invalid_type",
            format!("Expected {what}, received {}", kind(got)),
        );
    }

    /// A string that must be present (`min`..=`max` characters).
    pub fn required_string(&mut self, key: &str, min: usize, max: usize) -> Option<String> {
        match self.get(key) {
            None => {
                self.issue(key, "invalid_type", "Required");
                None
            }
            Some(v) => self.string_value(key, v, min, max),
        }
    }

    /// `required_string` or `optional_string`: POST bodies require what PATCH bodies may omit.
    pub fn string(&mut self, key: &str, required: bool, min: usize, max: usize) -> Option<String> {
        if required {
            self.required_string(key, min, max)
        } else {
            self.optional_string(key, min, max)
        }
    }

    /// A string that may be absent but not null.
    pub fn optional_string(&mut self, key: &str, min: usize, max: usize) -> Option<String> {
        match self.get(key) {
            None => None,
            Some(v) => self.string_value(key, v, min, max),
        }
    }

    fn string_value(&mut self, key: &str, v: &Value, min: usize, max: usize) -> Option<String> {
        match v {
            Value::String(s) => match rules::text_problem(s, min, max) {
                Some((code, message)) => {
                    self.issue(key, code, message);
                    None
                }
                None => Some(s.clone()),
            },
            other => {
                self.expected(key, "string", other);
                None
            }
        }
    }

    /// A string that may be absent or null.
    pub fn nullable_string(&mut self, key: &str, max: usize) -> Nullable<String> {
        match self.get(key) {
            None => Nullable::Absent,
            Some(Value::Null) => Nullable::Null,
            Some(v) => match self.string_value(key, v, 0, max) {
                Some(s) => Nullable::Value(s),
                None => Nullable::Absent,
            },
        }
    }

    /// The raw value of a key, for shapes the helpers here do not cover.
    pub fn optional_value(&self, key: &str) -> Option<&'a Value> {
        self.get(key)
    }

    pub fn required_bool(&mut self, key: &str) -> Option<bool> {
        if self.get(key).is_none() {
            self.issue(key, "invalid_type", "Required");
            return None;
        }
        self.optional_bool(key)
    }

    pub fn optional_bool(&mut self, key: &str) -> Option<bool> {
        match self.get(key) {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.expected(key, "boolean", other);
                None
            }
        }
    }

    /// A whole number (an epoch time in ms, say) that may be absent or null.
    pub fn nullable_integer(&mut self, key: &str) -> Nullable<i64> {
        match self.get(key) {
            None => Nullable::Absent,
            Some(Value::Null) => Nullable::Null,
            Some(Value::Number(n)) => match n.as_i64() {
                Some(i) => Nullable::Value(i),
                None => {
                    self.issue(key, "invalid_type", "Expected integer, received float");
                    Nullable::Absent
                }
            },
            Some(other) => {
                self.expected(key, "number", other);
                Nullable::Absent
            }
        }
    }

    pub fn optional_object(&mut self, key: &str) -> Option<&'a Map<String, Value>> {
        match self.get(key) {
            None => None,
            Some(Value::Object(m)) => Some(m),
            Some(other) => {
                self.expected(key, "object", other);
                None
            }
        }
    }

    /// An array of non-empty strings (relation ids). `required` demands the key; `non_empty`
    /// demands at least one element. Absent and not required → `None`.
    pub fn id_list(&mut self, key: &str, required: bool, non_empty: bool) -> Option<Vec<String>> {
        let value = match self.get(key) {
            None if required => {
                self.issue(key, "invalid_type", "Required");
                return None;
            }
            None => return None,
            Some(v) => v,
        };
        let Value::Array(items) = value else {
            self.expected(key, "array", value);
            return None;
        };
        if non_empty && items.is_empty() {
            self.issue(key, "too_small", "Array must contain at least 1 element(s)");
            return None;
        }
        if items.len() > relations::MAX_IDS {
            let max = relations::MAX_IDS;
            self.issue(
                key,
                "too_big",
                format!("Array must contain at most {max} element(s)"),
            );
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}.{i}");
            match self.string_value(&path, item, 1, usize::MAX) {
                Some(s) => out.push(s),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A string that may be absent; if present it must be one of `allowed`.
    pub fn optional_enum(&mut self, key: &str, allowed: &[&str]) -> Option<String> {
        self.get(key)?;
        self.required_enum(key, allowed)
    }

    /// A string that must be one of `allowed`.
    pub fn required_enum(&mut self, key: &str, allowed: &[&str]) -> Option<String> {
        let value = self.required_string(key, 0, usize::MAX)?;
        if allowed.contains(&value.as_str()) {
            Some(value)
        } else {
            self.issue(
                key,
                "invalid_enum_value",
                format!(
                    "Invalid enum value. Expected {}, received '{value}'",
                    quoted(allowed)
                ),
            );
            None
        }
    }

    pub fn finish(self) -> Result<(), DomainError> {
        if self.issues.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(self.issues))
        }
    }
}

fn quoted(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// zod's name for a JSON value's type.
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reports_each_problem_with_its_key_path() {
        let body = json!({ "name": "", "flag": "yes", "extra": 1 });
        let mut g = Guard::new(&body);
        assert!(g.required_string("name", 1, 128).is_none());
        assert!(g.optional_bool("flag").is_none());
        let Err(DomainError::Invalid(lines)) = g.finish() else {
            panic!("expected invalid")
        };
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("Error in key path \"name\": (too_small)"));
        assert!(lines[1].contains("Expected boolean, received string"));
    }

    #[test]
    fn counts_length_like_javascript() {
        let body = json!({ "name": "😀".repeat(64) });
        let mut g = Guard::new(&body);
        assert!(g.required_string("name", 1, 128).is_some());
        let body = json!({ "name": "😀".repeat(65) });
        let mut g = Guard::new(&body);
        assert!(g.required_string("name", 1, 128).is_none());
    }

    #[test]
    fn rejects_nul_characters() {
        let body = json!({ "name": "a\u{0}b" });
        let mut g = Guard::new(&body);
        assert!(g.required_string("name", 1, 128).is_none());
        assert!(g.finish().is_err());
    }

    #[test]
    fn rejects_a_body_that_is_not_an_object() {
        let body = json!([1]);
        let g = Guard::new(&body);
        assert!(g.finish().is_err());
    }
}
