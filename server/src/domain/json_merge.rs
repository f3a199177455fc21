//! Shallow merges into stored JSON objects (Logto's `PATCH …/custom-data` and `…/profile`):
//! the given keys replace the stored ones, the rest stay.

use serde_json::{Map, Value};

use super::DomainError;

/// A JSON object as a user or an application keeps it (a profile, custom data).
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
#[schema(value_type = Object)]
pub struct JsonObject(pub Map<String, Value>);

/// The most a merged object may hold, in bytes of JSON: merges add up, and custom data goes
/// into every ID token.
pub const STORED_MAX: usize = 256 * 1024;

/// `keys` merged into the stored text (a stored value that is not an object, never written by
/// us, is replaced); 422 `entity.value_too_long` when the result would exceed [`STORED_MAX`].
/// `name` is the merged field, for the message.
pub fn merged_text(
    stored: &str,
    keys: Map<String, Value>,
    name: &str,
) -> Result<String, DomainError> {
    let mut object = match serde_json::from_str::<Value>(stored) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    object.extend(keys);
    stored_text(&object, name)
}

/// An object as it is stored: its JSON text, at most [`STORED_MAX`] bytes (else 422
/// `entity.value_too_long`, naming the field `name`), whether merged or written whole.
pub fn stored_text(object: &Map<String, Value>, name: &str) -> Result<String, DomainError> {
    let text = serde_json::to_string(object).map_err(|e| DomainError::Internal(e.to_string()))?;
    if text.len() > STORED_MAX {
        return Err(DomainError::refused(
            422,
            "entity.value_too_long",
            format!("The {name} would be longer than {STORED_MAX} bytes of JSON."),
        ));
    }
    Ok(text)
}

/// Reads merged text back as the object it is.
pub fn object(text: &str) -> Result<Map<String, Value>, DomainError> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(DomainError::Internal("merged JSON is not an object".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn keys(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn merges_shallowly_and_refuses_what_grows_too_large() {
        let merged =
            merged_text(r#"{"a":1,"b":{"c":2}}"#, keys(json!({"b":{"d":3}})), "x").unwrap();
        assert_eq!(object(&merged).unwrap(), keys(json!({"a":1,"b":{"d":3}})));
        let replaced = merged_text("[1]", keys(json!({"a":1})), "x").unwrap();
        assert_eq!(object(&replaced).unwrap(), keys(json!({"a":1})));
        let big = "x".repeat(STORED_MAX);
        assert!(matches!(
            merged_text("{}", keys(json!({ "big": big })), "customData"),
            Err(DomainError::Refused {
                status: 422,
                code: "entity.value_too_long",
                ..
            })
        ));
    }
}
