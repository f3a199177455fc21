//! [`Params`]: a form body of the OIDC endpoints, read once (the token endpoint's, and the
//! other endpoints' that take the same encoding).

use std::collections::HashMap;

use crate::oidc::error::OAuthError;

/// Form parameters: each at most once, except `resource` (RFC 8707 allows several).
#[derive(Debug, Default)]
pub struct Params {
    single: HashMap<String, String>,
    pub resources: Vec<String>,
}

impl Params {
    pub fn parse(body: &[u8]) -> Result<Params, OAuthError> {
        let mut params = Params::default();
        for (key, value) in url::form_urlencoded::parse(body) {
            if key.contains('\0') || value.contains('\0') {
                return Err(OAuthError::InvalidRequest(
                    "parameters must not contain NUL characters".into(),
                ));
            }
            if key == "resource" {
                params.resources.push(value.into_owned());
            } else if params
                .single
                .insert(key.to_string(), value.into_owned())
                .is_some()
            {
                return Err(OAuthError::InvalidRequest(format!(
                    "'{key}' parameter must not be provided twice"
                )));
            }
        }
        Ok(params)
    }

    /// A parameter's value; empty values count as absent (as oidc-provider treats them).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.single
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// The space-separated `scope` values, without duplicates, in request order.
    pub fn scopes(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in self
            .get("scope")
            .unwrap_or_default()
            .split(' ')
            .filter(|s| !s.is_empty())
        {
            if !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        }
        out
    }
}
