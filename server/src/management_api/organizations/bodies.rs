//! How the bodies of `/api/organizations` are read.

use serde_json::{Map, Value};

use crate::domain::DomainError;
use crate::domain::organizations::{
    CSS_MAX, DESCRIPTION_MAX, NAME_MAX, NewOrganization, OrganizationBranding, OrganizationColor,
    OrganizationPatch, is_hex_color,
};
use crate::domain::rules;
use crate::management_api::bodies::FromBody;
use crate::management_api::bodies::guard::{Guard, kind};

impl FromBody for NewOrganization {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let fields = read(body, true)?;
        Ok(NewOrganization {
            name: fields.name.unwrap_or_default(),
            description: fields.description.flatten(),
            custom_data: fields.custom_data,
            is_mfa_required: fields.is_mfa_required,
            color: fields.color,
            branding: fields.branding,
            custom_css: fields.custom_css.flatten(),
        })
    }
}

impl FromBody for OrganizationPatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        read(body, false)
    }
}

/// The keys of both bodies; a new organization must have a name, a patch may leave it out.
fn read(body: &Value, require_name: bool) -> Result<OrganizationPatch, DomainError> {
    let mut g = Guard::new(body);
    let name = g.string("name", require_name, 1, NAME_MAX);
    let description = g
        .nullable_string("description", DESCRIPTION_MAX)
        .into_patch();
    let custom_data = g.optional_object("customData").cloned();
    let is_mfa_required = g.optional_bool("isMfaRequired");
    let color = g.optional_object("color").map(|m| read_color(&mut g, m));
    let branding = g
        .optional_object("branding")
        .map(|m| read_branding(&mut g, m));
    let custom_css = g.nullable_string("customCss", CSS_MAX).into_patch();
    g.finish()?;
    Ok(OrganizationPatch {
        name,
        description,
        custom_data,
        is_mfa_required,
        color,
        branding,
        custom_css,
    })
}

/// A string at `color.key` / `branding.key` that `valid` accepts, or an issue with `invalid`.
fn nested_string(
    g: &mut Guard<'_>,
    m: &Map<String, Value>,
    path: &str,
    key: &str,
    valid: fn(&str) -> bool,
    invalid: &str,
) -> Option<String> {
    match m.get(key) {
        None => None,
        Some(Value::String(s)) if valid(s) => Some(s.clone()),
        Some(Value::String(_)) => {
            g.issue(&format!("{path}.{key}"), "invalid_string", invalid);
            None
        }
        Some(other) => {
            g.issue(
                &format!("{path}.{key}"),
                "invalid_type",
                format!("Expected string, received {}", kind(other)),
            );
            None
        }
    }
}

/// Logto's `PartialColor`: known keys only, colors as `#rgb` or `#rrggbb`.
fn read_color(g: &mut Guard<'_>, m: &Map<String, Value>) -> OrganizationColor {
    let mut color = OrganizationColor {
        primary_color: nested_string(g, m, "color", "primaryColor", is_hex_color, "Invalid"),
        dark_primary_color: nested_string(
            g,
            m,
            "color",
            "darkPrimaryColor",
            is_hex_color,
            "Invalid",
        ),
        is_dark_mode_enabled: None,
    };
    match m.get("isDarkModeEnabled") {
        None => {}
        Some(Value::Bool(b)) => color.is_dark_mode_enabled = Some(*b),
        Some(other) => g.issue(
            "color.isDarkModeEnabled",
            "invalid_type",
            format!("Expected boolean, received {}", kind(other)),
        ),
    }
    color
}

/// Logto's `Branding`: known keys only, each an absolute URL.
fn read_branding(g: &mut Guard<'_>, m: &Map<String, Value>) -> OrganizationBranding {
    let mut field = |key| nested_string(g, m, "branding", key, rules::is_url, "Invalid url");
    OrganizationBranding {
        logo_url: field("logoUrl"),
        dark_logo_url: field("darkLogoUrl"),
        favicon: field("favicon"),
        dark_favicon: field("darkFavicon"),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn create_requires_a_name() {
        assert!(NewOrganization::from_body(&json!({})).is_err());
        assert!(NewOrganization::from_body(&json!({ "name": "" })).is_err());
        assert!(NewOrganization::from_body(&json!({ "name": "x".repeat(129) })).is_err());
        assert!(NewOrganization::from_body(&json!({ "name": "Acme", "unknown": 1 })).is_ok());
    }

    #[test]
    fn patch_allows_nothing_and_clears_nullable_fields() {
        let p = OrganizationPatch::from_body(&json!({})).unwrap();
        assert!(p.name.is_none() && p.description.is_none());
        let p = OrganizationPatch::from_body(&json!({ "description": null, "customCss": null }))
            .unwrap();
        assert_eq!(p.description, Some(None));
        assert_eq!(p.custom_css, Some(None));
    }

    #[test]
    fn validates_nested_shapes() {
        let bad = json!({ "color": { "primaryColor": "red" }, "branding": { "logoUrl": "nope" } });
        let Err(DomainError::Invalid(lines)) = OrganizationPatch::from_body(&bad) else {
            panic!("invalid")
        };
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains("color.primaryColor"));
        assert!(lines[1].contains("branding.logoUrl"));
        let good = json!({ "color": { "primaryColor": "#A0b", "junk": 1 },
                           "branding": { "logoUrl": "https://x.test/l.png" } });
        let p = OrganizationPatch::from_body(&good).unwrap();
        let color = p.color.unwrap();
        assert_eq!(color.primary_color.as_deref(), Some("#A0b"));
        assert!(color.dark_primary_color.is_none() && color.is_dark_mode_enabled.is_none());
    }

    #[test]
    fn custom_data_must_be_an_object() {
        let patch = |v| OrganizationPatch::from_body(&v);
        assert!(patch(json!({ "customData": "b" })).is_err());
        assert!(patch(json!({ "customData": [1] })).is_err());
        assert!(patch(json!({ "customData": { "a": [1, { "b": null }] } })).is_ok());
    }
}
