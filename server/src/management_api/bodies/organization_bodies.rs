//! Organizations and their just-in-time provisioning settings.

use std::collections::BTreeSet;

use serde_json::{Map, Value};
use utoipa::ToSchema;

/// `POST /api/organizations`: a new organization.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationCreate {
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
/// ones as a whole.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationPatch {
    #[schema(nullable = false, min_length = 1, max_length = 128)]
    pub name: Option<String>,
    #[schema(nullable, max_length = 256)]
    pub description: Option<String>,
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
    #[schema(nullable, max_length = 65536)]
    pub custom_css: Option<String>,
}

/// An organization's colors; only these keys are kept.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationColor {
    /// `#rgb` or `#rrggbb`.
    #[schema(nullable = false, pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")]
    pub primary_color: Option<String>,
    /// `#rgb` or `#rrggbb`, used in dark mode.
    #[schema(nullable = false, pattern = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")]
    pub dark_primary_color: Option<String>,
    #[schema(nullable = false)]
    pub is_dark_mode_enabled: Option<bool>,
}

/// An organization's logos and icons, each an absolute URL; only these keys are kept.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationBranding {
    #[schema(nullable = false, format = "uri")]
    pub logo_url: Option<String>,
    #[schema(nullable = false, format = "uri")]
    pub dark_logo_url: Option<String>,
    #[schema(nullable = false, format = "uri")]
    pub favicon: Option<String>,
    #[schema(nullable = false, format = "uri")]
    pub dark_favicon: Option<String>,
}

/// `POST /api/organizations/{id}/jit/email-domains`: one email domain whose users join the
/// organization; stored lower-case, and a domain already there is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitEmailDomainAdd {
    #[schema(min_length = 1, max_length = 128, example = "example.com")]
    pub email_domain: String,
}

/// `PUT /api/organizations/{id}/jit/email-domains`: the complete list of email domains,
/// stored lower-case (domains equal but for case count once).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitEmailDomainsReplace {
    #[schema(min_length = 1, max_length = 128)]
    pub email_domains: Vec<String>,
}

/// `POST /api/organizations/{id}/jit/roles`: organization roles given to users who join
/// just in time; repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitRolesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub organization_role_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/jit/roles`: the complete list of default roles; a repeated id
/// is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitRolesReplace {
    #[schema(min_length = 1)]
    pub organization_role_ids: BTreeSet<String>,
}

/// `POST /api/organizations/{id}/jit/sso-connectors`: enterprise SSO connectors whose users
/// join just in time; repeated and existing ids are ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitSsoConnectorsAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub sso_connector_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/jit/sso-connectors`: the complete list of connectors; a
/// repeated id is refused with 422.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitSsoConnectorsReplace {
    #[schema(min_length = 1)]
    pub sso_connector_ids: BTreeSet<String>,
}
