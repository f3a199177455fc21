//! The token endpoint's organization lookups (hot path): membership and the permissions a
//! machine-to-machine application holds in an organization, each in one indexed query (an
//! organization token's also reads the client itself). An organization token's lookup is
//! kept per replica by `oidc::client_grants` until the grants revision says it changed.

use std::sync::LazyLock;

use super::application_secrets::{SecretDigest, digests};
use super::applications::{A_COLUMNS, ApplicationRow};
use super::db::{Store, dispatch};
use super::error::StorageError;
use super::resources::ResourceGrant;

/// The client with one of its secrets and one of its organization permissions (one row per
/// secret and permission).
#[derive(sqlx::FromRow)]
struct ClientScopeRow {
    #[sqlx(flatten)]
    client: ApplicationRow,
    digest: Option<String>,
    expires_at: Option<i64>,
    is_member: bool,
    scope_name: Option<String>,
}

/// An application, its secrets and, when it is a member of the organization, the names of the
/// organization permissions it holds there (sorted).
pub struct ClientOrganizationScopes {
    pub client: ApplicationRow,
    pub secrets: Vec<SecretDigest>,
    pub scopes: Option<Vec<String>>,
}

/// The joins follow keys from the application's membership row, so the cost does not grow with
/// the size of the organization. An app holds a secret or two, so repeating its permissions
/// per secret stays small.
static CLIENT_SCOPES: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {A_COLUMNS}, sec.digest, sec.expires_at, \
           m.application_id IS NOT NULL AS is_member, s.name AS scope_name \
         FROM applications a \
         LEFT JOIN application_secrets sec \
           ON sec.tenant_id = a.tenant_id AND sec.application_id = a.id \
         LEFT JOIN organization_application_relations m \
           ON m.tenant_id = a.tenant_id AND m.organization_id = $2 AND m.application_id = a.id \
         LEFT JOIN organization_role_application_relations r \
           ON r.tenant_id = m.tenant_id AND r.organization_id = m.organization_id \
           AND r.application_id = m.application_id \
         LEFT JOIN organization_role_scope_relations rs \
           ON rs.organization_role_id = r.organization_role_id \
         LEFT JOIN organization_scopes s ON s.id = rs.organization_scope_id \
         WHERE a.tenant_id = $1 AND a.id = $3"
    )
});

impl Store {
    /// The application with this id and its organization permissions in the organization, in
    /// one statement: an organization token request needs nothing else from the database.
    /// `None` when there is no such application.
    pub async fn client_organization_scopes(
        &self,
        tenant: &str,
        client_id: &str,
        organization_id: &str,
    ) -> Result<Option<ClientOrganizationScopes>, StorageError> {
        let rows = dispatch!(&self.db, p => sqlx::query_as::<_, ClientScopeRow>(CLIENT_SCOPES.as_str())
            .bind(tenant)
            .bind(organization_id)
            .bind(client_id)
            .fetch_all(p))?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let is_member = first.is_member;
        let secrets = digests(rows.iter().map(|r| (r.digest.clone(), r.expires_at)));
        let mut names: Vec<String> = rows.iter().filter_map(|r| r.scope_name.clone()).collect();
        names.sort();
        names.dedup();
        let client = rows.into_iter().next().map(|r| r.client);
        Ok(client.map(|client| ClientOrganizationScopes {
            client,
            secrets,
            scopes: is_member.then_some(names),
        }))
    }

    /// The resource with this indicator and the API permissions on it that the application
    /// holds through its roles in the organization, with whether it is a member at all.
    /// `None` when no such resource exists.
    pub async fn application_organization_resource_grant(
        &self,
        tenant: &str,
        organization_id: &str,
        application_id: &str,
        indicator: &str,
    ) -> Result<Option<(bool, ResourceGrant)>, StorageError> {
        const SQL: &str = "SELECT res.id, res.indicator, res.access_token_ttl, \
               EXISTS (SELECT 1 FROM organization_application_relations m \
                 WHERE m.tenant_id = $1 AND m.organization_id = $2 AND m.application_id = $3) \
                 AS is_member, \
               s.name AS scope_name \
             FROM resources res \
             LEFT JOIN scopes s ON s.resource_id = res.id AND EXISTS ( \
               SELECT 1 FROM organization_role_application_relations r \
               JOIN organization_role_resource_scope_relations rr \
                 ON rr.organization_role_id = r.organization_role_id \
               WHERE r.tenant_id = $1 AND r.organization_id = $2 AND r.application_id = $3 \
                 AND rr.scope_id = s.id) \
             WHERE res.tenant_id = $1 AND res.indicator = $4 \
             ORDER BY s.name";
        let rows = dispatch!(&self.db, p => sqlx::query_as::<_, super::resources::ResourceScopeRow>(SQL)
            .bind(tenant)
            .bind(organization_id)
            .bind(application_id)
            .bind(indicator)
            .fetch_all(p))?;
        Ok(super::resources::resource_grant(rows))
    }

    /// Whether the application is a member of the organization.
    pub async fn application_is_member(
        &self,
        tenant: &str,
        organization_id: &str,
        application_id: &str,
    ) -> Result<bool, StorageError> {
        self.relation_exists(
            &super::relations::ORGANIZATION_APPLICATIONS,
            tenant,
            &[organization_id],
            application_id,
        )
        .await
    }
}
