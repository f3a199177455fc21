//! Organizations: validation (the guards Logto generates from
//! `packages/schemas/tables/organizations.sql`) and the service both the Management API and the
//! console call.

use std::collections::HashMap;

use app::model::{FeaturedUser, Organization, OrganizationWithFeatured};
use serde_json::{Map, Value};

use super::guard::Guard;
use super::{DomainError, ids};
use crate::storage::{
    FeaturedUserRow, OrganizationPatchRow, OrganizationRow, Page, Paged, StorageError, Store,
};

const NAME_MAX: usize = 128;
const DESCRIPTION_MAX: usize = 256;
/// Custom CSS is `text` in Logto; bounded here so one row cannot grow without limit.
const CSS_MAX: usize = 64 * 1024;

/// Parses a PATCH (or, with `require_name`, a POST) body into the columns to write.
pub fn parse(body: &Value, require_name: bool) -> Result<OrganizationPatchRow, DomainError> {
    let mut g = Guard::new(body);
    let name = g.string("name", require_name, 1, NAME_MAX);
    let description = g
        .nullable_string("description", DESCRIPTION_MAX)
        .into_patch();
    let custom_data = g
        .optional_object("customData")
        .map(|m| Value::Object(m.clone()).to_string());
    let is_mfa_required = g.optional_bool("isMfaRequired");
    let color = g
        .optional_object("color")
        .map(|m| parse_color(&mut g, m).to_string());
    let branding = g
        .optional_object("branding")
        .map(|m| parse_branding(&mut g, m).to_string());
    let custom_css = g.nullable_string("customCss", CSS_MAX).into_patch();
    g.finish()?;
    Ok(OrganizationPatchRow {
        name,
        description,
        custom_data,
        is_mfa_required,
        color,
        branding,
        custom_css,
    })
}

/// `PartialColor`: known keys only, colors as `#rgb` or `#rrggbb`.
fn parse_color(g: &mut Guard<'_>, m: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    for key in ["primaryColor", "darkPrimaryColor"] {
        match m.get(key) {
            None => {}
            Some(Value::String(s)) if is_hex_color(s) => {
                out.insert(key.into(), Value::String(s.clone()));
            }
            Some(Value::String(_)) => g.issue(&format!("color.{key}"), "invalid_string", "Invalid"),
            Some(other) => g.issue(
                &format!("color.{key}"),
                "invalid_type",
                format!("Expected string, received {}", super::guard::kind(other)),
            ),
        }
    }
    match m.get("isDarkModeEnabled") {
        None => {}
        Some(Value::Bool(b)) => {
            out.insert("isDarkModeEnabled".into(), Value::Bool(*b));
        }
        Some(other) => g.issue(
            "color.isDarkModeEnabled",
            "invalid_type",
            format!("Expected boolean, received {}", super::guard::kind(other)),
        ),
    }
    Value::Object(out)
}

/// `Branding`: known keys only, each an absolute URL.
fn parse_branding(g: &mut Guard<'_>, m: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    for key in ["logoUrl", "darkLogoUrl", "favicon", "darkFavicon"] {
        match m.get(key) {
            None => {}
            Some(Value::String(s)) if url::Url::parse(s).is_ok() => {
                out.insert(key.into(), Value::String(s.clone()));
            }
            Some(Value::String(_)) => {
                g.issue(&format!("branding.{key}"), "invalid_string", "Invalid url")
            }
            Some(other) => g.issue(
                &format!("branding.{key}"),
                "invalid_type",
                format!("Expected string, received {}", super::guard::kind(other)),
            ),
        }
    }
    Value::Object(out)
}

fn is_hex_color(s: &str) -> bool {
    let Some(hex) = s.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

pub async fn create(
    store: &Store,
    tenant: &str,
    body: &Value,
    now: i64,
) -> Result<Organization, DomainError> {
    let input = parse(body, true)?;
    let row = OrganizationRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::SHORT),
        name: input.name.unwrap_or_default(),
        description: input.description.flatten(),
        custom_data: input.custom_data.unwrap_or_else(|| "{}".into()),
        is_mfa_required: input.is_mfa_required.unwrap_or(false),
        color: input.color.unwrap_or_else(|| "{}".into()),
        branding: input.branding.unwrap_or_else(|| "{}".into()),
        custom_css: input.custom_css.flatten(),
        created_at: now,
    };
    store.organization_insert(&row).await?;
    Ok(to_wire(row)?)
}

pub async fn find(
    store: &Store,
    tenant: &str,
    id: &str,
) -> Result<Option<Organization>, DomainError> {
    Ok(store
        .organization_find_by_id(tenant, id)
        .await?
        .map(to_wire)
        .transpose()?)
}

/// Applies a PATCH body; `None` when the organization does not exist. An empty body changes
/// nothing and returns the organization as it is.
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    body: &Value,
) -> Result<Option<Organization>, DomainError> {
    let patch = parse(body, false)?;
    Ok(store
        .organization_update(tenant, id, &patch)
        .await?
        .map(to_wire)
        .transpose()?)
}

pub async fn delete(store: &Store, tenant: &str, id: &str) -> Result<bool, DomainError> {
    Ok(store.organization_delete(tenant, id).await?)
}

pub async fn list(
    store: &Store,
    tenant: &str,
    q: Option<&str>,
    page: Page,
) -> Result<Paged<Organization>, DomainError> {
    let rows = store.organization_list(tenant, q, page).await?;
    let items = rows
        .items
        .into_iter()
        .map(to_wire)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Paged {
        items,
        total: rows.total,
    })
}

/// Featured users grouped by the organization or role they are shown beside, in row order.
pub(super) fn featured_users_by_key(
    rows: Vec<FeaturedUserRow>,
) -> HashMap<String, Vec<FeaturedUser>> {
    let mut by_key: HashMap<String, Vec<FeaturedUser>> = HashMap::new();
    for f in rows {
        by_key.entry(f.key_id).or_default().push(FeaturedUser {
            id: f.id,
            avatar: f.avatar,
            name: f.name,
        });
    }
    by_key
}

/// Adds member counts and up to three members to each organization (two queries per page).
pub async fn with_featured(
    store: &Store,
    tenant: &str,
    orgs: Vec<Organization>,
) -> Result<Vec<OrganizationWithFeatured>, DomainError> {
    let ids: Vec<String> = orgs.iter().map(|o| o.id.clone()).collect();
    let (counts, featured) = store.organization_featured(tenant, &ids).await?;
    let mut by_org = featured_users_by_key(featured);
    Ok(orgs
        .into_iter()
        .map(|o| OrganizationWithFeatured {
            users_count: counts.get(&o.id).copied().unwrap_or(0),
            featured_users: by_org.remove(&o.id).unwrap_or_default(),
            organization: o,
        })
        .collect())
}

pub fn to_wire(row: OrganizationRow) -> Result<Organization, StorageError> {
    Ok(Organization {
        custom_data: super::json_column("custom_data", &row.custom_data)?,
        color: super::json_column("color", &row.color)?,
        branding: super::json_column("branding", &row.branding)?,
        tenant_id: row.tenant_id,
        id: row.id,
        name: row.name,
        description: row.description,
        is_mfa_required: row.is_mfa_required,
        custom_css: row.custom_css,
        created_at: row.created_at,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn create_requires_a_name() {
        assert!(parse(&json!({}), true).is_err());
        assert!(parse(&json!({ "name": "" }), true).is_err());
        assert!(parse(&json!({ "name": "x".repeat(129) }), true).is_err());
        assert!(parse(&json!({ "name": "Acme", "unknown": 1 }), true).is_ok());
    }

    #[test]
    fn patch_allows_nothing_and_clears_nullable_fields() {
        let p = parse(&json!({}), false).unwrap();
        assert!(p.name.is_none() && p.description.is_none());
        let p = parse(&json!({ "description": null, "customCss": null }), false).unwrap();
        assert_eq!(p.description, Some(None));
        assert_eq!(p.custom_css, Some(None));
    }

    #[test]
    fn validates_nested_shapes() {
        let bad = json!({ "color": { "primaryColor": "red" }, "branding": { "logoUrl": "nope" } });
        let Err(DomainError::Invalid(lines)) = parse(&bad, false) else {
            panic!("invalid")
        };
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains("color.primaryColor"));
        assert!(lines[1].contains("branding.logoUrl"));
        let good = json!({ "color": { "primaryColor": "#A0b", "junk": 1 },
                           "branding": { "logoUrl": "https://x.test/l.png" } });
        let p = parse(&good, false).unwrap();
        assert_eq!(p.color.as_deref(), Some(r##"{"primaryColor":"#A0b"}"##));
    }

    #[test]
    fn custom_data_must_be_an_object() {
        assert!(parse(&json!({ "customData": "b" }), false).is_err());
        assert!(parse(&json!({ "customData": [1] }), false).is_err());
        assert!(parse(&json!({ "customData": { "a": [1, { "b": null }] } }), false).is_ok());
    }
}
