//! Reading values nested in a body (objects in objects, array items) with their whole key
//! path in every issue: `signUp.identifiers.0`, `mfa.factors.1`.

use serde_json::{Map, Value};

use super::{Guard, quoted};

impl Guard<'_> {
    /// A string at `path.key` in an object read from this body (any length, no NUL); issues
    /// name the whole key path.
    pub fn string_in(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let value = m.get(key)?;
        self.string_value(&format!("{path}.{key}"), value, 0, usize::MAX)
    }

    /// An object at `path.key` in an object read from this body.
    pub fn object_in<'m>(
        &mut self,
        m: &'m Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'m Map<String, Value>> {
        match m.get(key)? {
            Value::Object(inner) => Some(inner),
            other => {
                self.expected(&format!("{path}.{key}"), "object", other);
                None
            }
        }
    }

    /// The value at key path `path` of a nested object (`None`: the key is absent), which
    /// must be one of `allowed`.
    pub fn enum_at(
        &mut self,
        path: &str,
        value: Option<&Value>,
        allowed: &[&str],
    ) -> Option<String> {
        let Some(value) = value else {
            self.issue(path, "invalid_type", "Required");
            return None;
        };
        let text = self.string_value(path, value, 0, usize::MAX)?;
        if allowed.contains(&text.as_str()) {
            return Some(text);
        }
        self.issue(
            path,
            "invalid_enum_value",
            format!(
                "Invalid enum value. Expected {}, received '{text}'",
                quoted(allowed)
            ),
        );
        None
    }

    /// An array of strings at key path `path` (ids of any length, no NUL).
    pub fn string_list_at(&mut self, path: &str, value: &Value) -> Option<Vec<String>> {
        let Value::Array(items) = value else {
            self.expected(path, "array", value);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.string_value(&format!("{path}.{i}"), item, 0, usize::MAX) {
                Some(s) => out.push(s),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A boolean at key path `path` of a nested object (`None`: absent, an issue when
    /// `required`).
    pub fn bool_at(&mut self, path: &str, value: Option<&Value>, required: bool) -> Option<bool> {
        match value {
            None if required => {
                self.issue(path, "invalid_type", "Required");
                None
            }
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.expected(path, "boolean", other);
                None
            }
        }
    }

    /// An array at key path `path` of a nested object.
    pub fn array_at<'v>(&mut self, path: &str, value: Option<&'v Value>) -> Option<&'v [Value]> {
        match value {
            None => {
                self.issue(path, "invalid_type", "Required");
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.expected(path, "array", other);
                None
            }
        }
    }

    /// An object at key path `path` (an array item, say).
    pub fn object_at<'v>(
        &mut self,
        path: &str,
        value: &'v Value,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(m) => Some(m),
            other => {
                self.expected(path, "object", other);
                None
            }
        }
    }

    /// An array at key path `path` of a nested object whose items are each one of `allowed`.
    pub fn enum_list_at(
        &mut self,
        path: &str,
        value: Option<&Value>,
        allowed: &[&str],
    ) -> Option<Vec<String>> {
        let Some(value) = value else {
            self.issue(path, "invalid_type", "Required");
            return None;
        };
        let Value::Array(items) = value else {
            self.expected(path, "array", value);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(self.enum_at(&format!("{path}.{i}"), Some(item), allowed));
        }
        out.into_iter().collect()
    }
}
