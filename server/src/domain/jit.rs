//! Just-in-time provisioning settings (Logto's `packages/core/src/routes/organization/jit/`):
//! email domains are kept lower-case, since DNS names compare case-insensitively (Logto keeps
//! them as given).

use app::model::JitEmailDomain;
use serde_json::Value;

use super::DomainError;
use super::guard::Guard;
use super::relations::dedup;
use crate::storage::{EmailDomainRow, Page, Paged, Store};

const DOMAIN_MAX: usize = 128;

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

/// `POST { emailDomain }`: a domain already there → 422 unique violation.
pub async fn add_email_domain(
    store: &Store,
    tenant: &str,
    organization_id: &str,
    body: &Value,
    now: i64,
) -> Result<JitEmailDomain, DomainError> {
    let mut g = Guard::new(body);
    let domain = g.required_string("emailDomain", 1, DOMAIN_MAX);
    g.finish()?;
    let row = EmailDomainRow {
        tenant_id: tenant.into(),
        organization_id: organization_id.into(),
        email_domain: domain.unwrap_or_default().to_lowercase(),
    };
    store.jit_email_domain_insert(&row, now).await?;
    Ok(to_wire(row))
}

/// `PUT { emailDomains }`: the domains (lower-cased, repeats once) for the relation.
pub fn email_domains_to_replace(body: &Value) -> Result<Vec<String>, DomainError> {
    let mut g = Guard::new(body);
    let domains = g.id_list("emailDomains", true, false);
    g.finish()?;
    let domains = domains.unwrap_or_default();
    let mut g = Guard::new(body);
    for (i, d) in domains.iter().enumerate() {
        if d.encode_utf16().count() > DOMAIN_MAX {
            g.issue(
                &format!("emailDomains.{i}"),
                "too_big",
                format!("String must contain at most {DOMAIN_MAX} character(s)"),
            );
        }
    }
    g.finish()?;
    Ok(dedup(domains.iter().map(|d| d.to_lowercase()).collect()))
}
