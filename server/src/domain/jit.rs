//! Just-in-time provisioning settings (Logto's `packages/core/src/routes/organization/jit/`):
//! email domains are kept lower-case, since DNS names compare case-insensitively (Logto keeps
//! them as given).

use app::model::{JitEmailDomain, OrganizationRole, SsoConnector};
use utoipa::ToSchema;

use super::relations::{Count, check_ids, dedup, ids_to_replace};
use super::rules::Issues;
use super::{DomainError, organization_roles, organizations, sso_connectors};
use crate::storage::relations::{
    ORGANIZATION_JIT_EMAIL_DOMAINS, ORGANIZATION_JIT_ROLES, ORGANIZATION_JIT_SSO_CONNECTORS,
};
use crate::storage::{EmailDomainRow, Page, Paged, Store};

pub const DOMAIN_MAX: usize = 128;

/// `POST /api/organizations/{id}/jit/email-domains`: one email domain whose users join the
/// organization; stored lower-case, and a domain already there is refused with 422.
#[derive(Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewJitEmailDomain {
    #[schema(min_length = 1, max_length = 128, example = "example.com")]
    pub email_domain: String,
}

fn to_wire(row: EmailDomainRow) -> JitEmailDomain {
    JitEmailDomain {
        tenant_id: row.tenant_id,
        organization_id: row.organization_id,
        email_domain: row.email_domain,
    }
}

pub async fn email_domains(
    store: &Store,
    tenant: &str,
    organization_id: &str,
    page: Option<Page>,
) -> Result<Paged<JitEmailDomain>, DomainError> {
    Ok(store
        .jit_email_domain_list(tenant, organization_id, page)
        .await?
        .map(to_wire))
}

/// Adds one domain: a domain already there → 422 unique violation.
pub async fn add_email_domain(
    store: &Store,
    tenant: &str,
    organization_id: &str,
    input: NewJitEmailDomain,
    now: i64,
) -> Result<JitEmailDomain, DomainError> {
    let mut issues = Issues::default();
    issues.text("emailDomain", &input.email_domain, 1, DOMAIN_MAX);
    issues.finish()?;
    let row = EmailDomainRow {
        tenant_id: tenant.into(),
        organization_id: organization_id.into(),
        email_domain: input.email_domain.to_lowercase(),
    };
    store.jit_email_domain_insert(&row, now).await?;
    Ok(to_wire(row))
}

/// The domains of a replacement, lower-cased, repeats once; each is 1 to 128 characters.
pub fn email_domains_to_replace(domains: &[String]) -> Result<Vec<String>, DomainError> {
    let mut issues = Issues::default();
    issues.texts("emailDomains", domains, 1, DOMAIN_MAX);
    issues.finish()?;
    Ok(dedup(domains.iter().map(|d| d.to_lowercase()).collect()))
}

/// `DELETE …/jit/email-domains/:domain`: `false` when the domain was not in the list (matched
/// lower-case, as stored).
pub async fn remove_email_domain(
    store: &Store,
    tenant: &str,
    organization_id: &str,
    domain: &str,
) -> Result<bool, DomainError> {
    Ok(store
        .relation_remove(
            &ORGANIZATION_JIT_EMAIL_DOMAINS,
            tenant,
            &[organization_id],
            &domain.to_lowercase(),
        )
        .await?)
}

async fn organization_exists(
    store: &Store,
    tenant: &str,
    organization_id: &str,
) -> Result<bool, DomainError> {
    Ok(organizations::find(store, tenant, organization_id)
        .await?
        .is_some())
}

/// `GET …/jit/roles`: the roles new members get; `None` for an unknown organization.
pub async fn roles(
    store: &Store,
    tenant: &str,
    organization_id: &str,
    page: Option<Page>,
) -> Result<Option<Paged<OrganizationRole>>, DomainError> {
    if !organization_exists(store, tenant, organization_id).await? {
        return Ok(None);
    }
    Ok(Some(
        store
            .jit_role_list(tenant, organization_id, page)
            .await?
            .map(organization_roles::to_wire),
    ))
}

/// `GET …/jit/sso-connectors` (secrets redacted); `None` for an unknown organization.
pub async fn sso_connectors(
    store: &Store,
    tenant: &str,
    organization_id: &str,
) -> Result<Option<Vec<SsoConnector>>, DomainError> {
    if !organization_exists(store, tenant, organization_id).await? {
        return Ok(None);
    }
    Ok(Some(
        sso_connectors::of_organization(store, tenant, organization_id).await?,
    ))
}

/// The lists of ids an organization's provisioning keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JitList {
    Roles,
    SsoConnectors,
}

/// `PUT …/jit/roles|sso-connectors`: the list becomes exactly `ids`. The rules of the
/// Management API's relation `PUT` (`management_api/relations.rs`): ids are non-empty text, a
/// repeated id is Logto's unique violation, and an unknown organization is `false` (404) rather
/// than an empty list accepted for nothing.
pub async fn replace(
    store: &Store,
    tenant: &str,
    organization_id: &str,
    list: JitList,
    ids: Vec<String>,
    now: i64,
) -> Result<bool, DomainError> {
    let (rel, key) = match list {
        JitList::Roles => (&ORGANIZATION_JIT_ROLES, "organizationRoleIds"),
        JitList::SsoConnectors => (&ORGANIZATION_JIT_SSO_CONNECTORS, "ssoConnectorIds"),
    };
    let mut issues = Issues::default();
    check_ids(&mut issues, key, &ids, Count::Any);
    issues.finish()?;
    let ids = ids_to_replace(ids)?;
    if !organization_exists(store, tenant, organization_id).await? {
        return Ok(false);
    }
    store
        .relation_replace(rel, tenant, &[organization_id], &ids, now)
        .await?;
    Ok(true)
}
