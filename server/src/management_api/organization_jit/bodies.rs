//! How the bodies of `/api/organizations/:id/jit/…` are read.

use serde_json::Value;
use utoipa::ToSchema;

use crate::domain::DomainError;
use crate::domain::jit::{DOMAIN_MAX, NewJitEmailDomain};
use crate::management_api::bodies::guard::Guard;
use crate::management_api::bodies::{FromBody, id_list_bodies};

impl FromBody for NewJitEmailDomain {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let email_domain = g.required_string("emailDomain", 1, DOMAIN_MAX);
        g.finish()?;
        Ok(NewJitEmailDomain {
            email_domain: email_domain.unwrap_or_default(),
        })
    }
}

/// `PUT /api/organizations/{id}/jit/email-domains`: the complete list of email domains,
/// stored lower-case (domains equal but for case count once).
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitEmailDomainsReplace {
    #[schema(min_length = 1, max_length = 128)]
    pub email_domains: Vec<String>,
}

/// `POST /api/organizations/{id}/jit/roles`: organization roles given to users who join
/// just in time; repeated and existing ids are ignored.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitRolesAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub organization_role_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/jit/roles`: the complete list of default roles; a repeated id
/// is refused with 422.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitRolesReplace {
    #[schema(value_type = BTreeSet<String>, min_length = 1)]
    pub organization_role_ids: Vec<String>,
}

/// `POST /api/organizations/{id}/jit/sso-connectors`: enterprise SSO connectors whose users
/// join just in time; repeated and existing ids are ignored.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitSsoConnectorsAdd {
    #[schema(min_items = 1, min_length = 1)]
    pub sso_connector_ids: Vec<String>,
}

/// `PUT /api/organizations/{id}/jit/sso-connectors`: the complete list of connectors; a
/// repeated id is refused with 422.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationJitSsoConnectorsReplace {
    #[schema(value_type = BTreeSet<String>, min_length = 1)]
    pub sso_connector_ids: Vec<String>,
}

// The domains' lengths are the domain's rule (`jit::email_domains_to_replace`), checked once
// the list itself was read.
id_list_bodies!(
    OrganizationJitEmailDomainsReplace(email_domains, "emailDomains", Required),
    OrganizationJitRolesAdd(organization_role_ids, "organizationRoleIds", AtLeastOne),
    OrganizationJitRolesReplace(organization_role_ids, "organizationRoleIds", Required),
    OrganizationJitSsoConnectorsAdd(sso_connector_ids, "ssoConnectorIds", AtLeastOne),
    OrganizationJitSsoConnectorsReplace(sso_connector_ids, "ssoConnectorIds", Required),
);

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn jit_email_domains() {
        assert!(NewJitEmailDomain::from_body(&json!({})).is_err());
        assert!(NewJitEmailDomain::from_body(&json!({ "emailDomain": "" })).is_err());
        let added = NewJitEmailDomain::from_body(&json!({ "emailDomain": "A.test" })).unwrap();
        assert_eq!(added.email_domain, "A.test");
        assert!(OrganizationJitEmailDomainsReplace::from_body(&json!({})).is_err());
        let replaced =
            OrganizationJitEmailDomainsReplace::from_body(&json!({ "emailDomains": [] }));
        assert!(replaced.unwrap().email_domains.is_empty());
    }
}
