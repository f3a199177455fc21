//! Just-in-time provisioning settings (Logto's `packages/core/src/routes/organization/jit/`):
//! email domains are kept lower-case, since DNS names compare case-insensitively (Logto keeps
//! them as given).

use app::model::JitEmailDomain;
use utoipa::ToSchema;

use super::DomainError;
use super::relations::dedup;
use super::rules::Issues;
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
