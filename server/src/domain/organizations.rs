//! Organizations: the commands that create and change them, their rules (the guards Logto
//! generates from `packages/schemas/tables/organizations.sql`), and the service both the
//! Management API and the console call.

use std::collections::HashMap;

use app::model::{FeaturedUser, Organization, OrganizationWithFeatured};
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::rules::{self, Issues};
use super::{DomainError, ids};
use crate::storage::{
    FeaturedUserRow, OrganizationPatchRow, OrganizationRow, Page, Paged, StorageError, Store,
};

pub const NAME_MAX: usize = 128;
pub const DESCRIPTION_MAX: usize = 256;
/// Custom CSS is `text` in Logto; bounded here so one row cannot grow without limit.
pub const CSS_MAX: usize = 64 * 1024;

/// `POST /api/organizations`: a new organization.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewOrganization {
    #[schema(min_length = 1, max_length = 128)]
    pub name: String,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
    /// Arbitrary data kept with the organization (default `{}`).
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
    /// Whether members must have an MFA factor to get tokens for it (default `false`).
    #[schema(nullable = false)]
    pub is_mfa_required: Option<bool>,
    #[schema(nullable = false)]
    pub color: Option<OrganizationColor>,
    #[schema(nullable = false)]
    pub branding: Option<OrganizationBranding>,
    /// CSS added to the hosted pages shown for this organization.
    #[schema(nullable, max_length = 65536)]
    pub custom_css: Option<String>,
}

/// `PATCH /api/organizations/{id}`: the keys given change, the others keep their values; an
/// empty body changes nothing. Objects (`customData`, `color`, `branding`) replace the stored
/// ones as a whole. `null` clears a nullable key.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationPatch {
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub name: Option<String>,
    #[schema(value_type = Option<String>, nullable, max_length = 256)]
    pub description: Option<Option<String>>,
    /// Arbitrary data kept with the organization.
    #[schema(value_type = Option<Object>, nullable = false)]
    pub custom_data: Option<Map<String, Value>>,
    /// Whether members must have an MFA factor to get tokens for it.
    #[schema(nullable = false)]
    pub is_mfa_required: Option<bool>,
    #[schema(nullable = false)]
    pub color: Option<OrganizationColor>,
    #[schema(nullable = false)]
    pub branding: Option<OrganizationBranding>,
    /// CSS added to the hosted pages shown for this organization; `null` removes it.
    #[schema(value_type = Option<String>, nullable, max_length = 65536)]
    pub custom_css: Option<Option<String>>,
}

/// An organization's colors; only these keys are kept.
#[derive(Debug, Default, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationColor {
    /// `#rgb` or `#rrggbb`.
    #[schema(nullable = false, pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_color: Option<String>,
    /// `#rgb` or `#rrggbb`, used in dark mode.
    #[schema(nullable = false, pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dark_primary_color: Option<String>,
    #[schema(nullable = false)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_dark_mode_enabled: Option<bool>,
}

/// An organization's logos and icons, each an absolute URL; only these keys are kept.
#[derive(Debug, Default, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationBranding {
    #[schema(nullable = false, format = "uri")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    #[schema(nullable = false, format = "uri")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dark_logo_url: Option<String>,
    #[schema(nullable = false, format = "uri")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub favicon: Option<String>,
    #[schema(nullable = false, format = "uri")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dark_favicon: Option<String>,
}

/// Whether `s` is `#rgb` or `#rrggbb`.
pub fn is_hex_color(s: &str) -> bool {
    let Some(hex) = s.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

fn json_text(value: &impl Serialize) -> Result<String, DomainError> {
    serde_json::to_string(value).map_err(|e| DomainError::Internal(e.to_string()))
}

/// The value rules of both commands, checked again here because not every caller reads a
/// Management API body (the console builds commands from its forms).
fn check(
    name: Option<&str>,
    description: Option<&str>,
    color: Option<&OrganizationColor>,
    branding: Option<&OrganizationBranding>,
    custom_css: Option<&str>,
) -> Result<(), DomainError> {
    let mut issues = Issues::default();
    if let Some(name) = name {
        issues.text("name", name, 1, NAME_MAX);
    }
    if let Some(description) = description {
        issues.text("description", description, 0, DESCRIPTION_MAX);
    }
    if let Some(color) = color {
        for (key, value) in [
            ("color.primaryColor", &color.primary_color),
            ("color.darkPrimaryColor", &color.dark_primary_color),
        ] {
            if value.as_deref().is_some_and(|c| !is_hex_color(c)) {
                issues.push(key, "invalid_string", "Invalid");
            }
        }
    }
    if let Some(branding) = branding {
        for (key, value) in [
            ("branding.logoUrl", &branding.logo_url),
            ("branding.darkLogoUrl", &branding.dark_logo_url),
            ("branding.favicon", &branding.favicon),
            ("branding.darkFavicon", &branding.dark_favicon),
        ] {
            if value.as_deref().is_some_and(|u| !rules::is_url(u)) {
                issues.push(key, "invalid_string", "Invalid url");
            }
        }
    }
    if let Some(css) = custom_css {
        issues.text("customCss", css, 0, CSS_MAX);
    }
    issues.finish()
}

impl OrganizationPatch {
    /// The columns to write.
    fn into_row(self) -> Result<OrganizationPatchRow, DomainError> {
        Ok(OrganizationPatchRow {
            name: self.name,
            description: self.description,
            custom_data: self.custom_data.as_ref().map(json_text).transpose()?,
            is_mfa_required: self.is_mfa_required,
            color: self.color.as_ref().map(json_text).transpose()?,
            branding: self.branding.as_ref().map(json_text).transpose()?,
            custom_css: self.custom_css,
        })
    }
}

pub async fn create(
    store: &Store,
    tenant: &str,
    input: NewOrganization,
    now: i64,
) -> Result<Organization, DomainError> {
    check(
        Some(&input.name),
        input.description.as_deref(),
        input.color.as_ref(),
        input.branding.as_ref(),
        input.custom_css.as_deref(),
    )?;
    let row = OrganizationRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::SHORT),
        name: input.name,
        description: input.description,
        custom_data: json_text(&input.custom_data.unwrap_or_default())?,
        is_mfa_required: input.is_mfa_required.unwrap_or(false),
        color: json_text(&input.color.unwrap_or_default())?,
        branding: json_text(&input.branding.unwrap_or_default())?,
        custom_css: input.custom_css,
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

/// Applies a patch; `None` when the organization does not exist. An empty patch changes
/// nothing and returns the organization as it is.
pub async fn update(
    store: &Store,
    tenant: &str,
    id: &str,
    patch: OrganizationPatch,
) -> Result<Option<Organization>, DomainError> {
    check(
        patch.name.as_deref(),
        patch.description.as_ref().and_then(Option::as_deref),
        patch.color.as_ref(),
        patch.branding.as_ref(),
        patch.custom_css.as_ref().and_then(Option::as_deref),
    )?;
    let patch = patch.into_row()?;
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
