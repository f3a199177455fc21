use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Logto's Organization object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub tenant_id: String,
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub custom_data: Value,
    pub is_mfa_required: bool,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub color: Value,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub branding: Value,
    pub custom_css: Option<String>,
    pub created_at: i64,
}

impl Organization {
    /// The light logo URL from `branding`, if any.
    pub fn logo_url(&self) -> Option<&str> {
        self.branding.get("logoUrl").and_then(Value::as_str)
    }

    pub fn dark_logo_url(&self) -> Option<&str> {
        self.branding.get("darkLogoUrl").and_then(Value::as_str)
    }

    /// A key of `color` (`primaryColor`, `darkPrimaryColor`).
    pub fn color_of(&self, key: &str) -> Option<&str> {
        self.color.get(key).and_then(Value::as_str)
    }
}

/// A member shown beside an organization in lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FeaturedUser {
    pub id: String,
    pub avatar: Option<String>,
    pub name: Option<String>,
}

/// Organization plus `usersCount` and `featuredUsers` (`showFeatured=true`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrganizationWithFeatured {
    #[serde(flatten)]
    pub organization: Organization,
    pub users_count: i64,
    pub featured_users: Vec<FeaturedUser>,
}

/// One page of the console's organization list.
pub type OrganizationPage = super::Paged<OrganizationWithFeatured>;

/// The console's Settings form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganizationSettings {
    pub name: String,
    pub description: String,
    /// JSON text as typed by the admin; must be an object.
    pub custom_data: String,
    pub is_mfa_required: bool,
    pub logo_url: String,
    pub dark_logo_url: String,
    /// `#rrggbb`, or empty for Tessera's own.
    pub primary_color: String,
    /// `#rrggbb` for dark mode, or empty to use `primary_color` there too.
    pub dark_primary_color: String,
    /// CSS added to the hosted sign-in pages of this organization.
    pub custom_css: String,
}
