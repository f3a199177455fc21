//! [`Client`]: an application as the OpenID Provider uses it, read once from its stored row.
//!
//! The row keeps its settings as text (Logto's `oidcClientMetadata` and
//! `customClientMetadata` columns); a client reads them when it is built, so the endpoints (and
//! the grants kept per replica by `client_grants`) never parse them again per request. A stored
//! value that does not read is an error, never silently the defaults.

use crate::domain::applications::ApplicationType;
use crate::domain::client_metadata::{CustomClientMetadata, Lifetimes, OidcClientMetadata};
use crate::storage::{ApplicationRow, DEFAULT_TENANT, SecretDigest, StorageError, Store};

/// An OAuth client (RFC 6749 §2): an application and the settings the endpoints read.
#[derive(Clone, Debug)]
pub struct Client {
    pub id: String,
    pub tenant_id: String,
    pub name: String,
    pub kind: ApplicationType,
    /// Exactly as registered: the authorization endpoint compares them byte for byte.
    pub redirect_uris: Vec<String>,
    pub post_logout_redirect_uris: Vec<String>,
    /// `corsAllowedOrigins`: bare origins (`https://app.example.com`).
    pub cors_allowed_origins: Vec<String>,
    /// The origins of `redirect_uris` that are tuple origins (`scheme://host:port`), read once
    /// for CORS. Opaque ones (a native app's `com.example.app:/cb`) serialise as `null`, the
    /// origin sandboxed frames and `file:` pages send, so they are left out.
    redirect_origins: Vec<String>,
    /// Token lifetimes and refresh-token options, with Logto's defaults for what is not set.
    pub lifetimes: Lifetimes,
    pub is_third_party: bool,
    /// The digests of its secrets (any unexpired one authenticates it); none for public
    /// clients.
    pub secrets: Vec<SecretDigest>,
}

impl Client {
    /// Reads the stored row and its secrets; an unknown type or metadata that is not its shape
    /// is a corrupt row.
    pub fn from_row(
        row: ApplicationRow,
        secrets: Vec<SecretDigest>,
    ) -> Result<Client, StorageError> {
        let kind: ApplicationType = row
            .app_type
            .parse()
            .map_err(|_| StorageError::Corrupt(format!("type: {}", row.app_type)))?;
        let oidc = OidcClientMetadata::from_stored(&row.oidc_client_metadata)?;
        let custom = CustomClientMetadata::from_stored(&row.custom_client_metadata)?;
        let redirect_uris = oidc.redirect_uris.unwrap_or_default();
        let redirect_origins = redirect_uris
            .iter()
            .filter_map(|u| url::Url::parse(u).ok())
            .map(|u| u.origin())
            .filter(url::Origin::is_tuple)
            .map(|o| o.ascii_serialization())
            .collect();
        Ok(Client {
            lifetimes: custom.lifetimes(),
            cors_allowed_origins: custom.cors_allowed_origins.unwrap_or_default(),
            post_logout_redirect_uris: oidc.post_logout_redirect_uris.unwrap_or_default(),
            redirect_uris,
            redirect_origins,
            id: row.id,
            tenant_id: row.tenant_id,
            name: row.name,
            kind,
            is_third_party: row.is_third_party,
            secrets,
        })
    }

    /// The client with this id and its secrets (`None`: no such application).
    pub async fn find(store: &Store, client_id: &str) -> Result<Option<Client>, StorageError> {
        store
            .application_with_secrets(DEFAULT_TENANT, client_id)
            .await?
            .map(|(row, secrets)| Client::from_row(row, secrets))
            .transpose()
    }

    /// Confidential clients authenticate with a secret (RFC 6749 §2.1); public ones cannot
    /// keep one.
    pub fn is_confidential(&self) -> bool {
        self.kind.is_confidential()
    }

    /// Whether it signs people in with the authorization code flow (SPA, Native,
    /// Traditional); the others get no `response_type`.
    pub fn signs_people_in(&self) -> bool {
        matches!(
            self.kind,
            ApplicationType::Spa | ApplicationType::Native | ApplicationType::Traditional
        )
    }

    /// Whether a browser at `origin` may read this client's responses: the origin is listed in
    /// `corsAllowedOrigins` or is the origin of one of its redirect URIs, as Logto allows.
    pub fn allows_origin(&self, origin: &str) -> bool {
        self.cors_allowed_origins.iter().any(|o| o == origin)
            || self.redirect_origins.iter().any(|o| o == origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(app_type: &str, oidc: &str, custom: &str) -> ApplicationRow {
        ApplicationRow {
            tenant_id: DEFAULT_TENANT.into(),
            id: "app".into(),
            name: "App".into(),
            description: None,
            app_type: app_type.into(),
            oidc_client_metadata: oidc.into(),
            custom_client_metadata: custom.into(),
            custom_data: "{}".into(),
            is_third_party: false,
            created_at: 0,
        }
    }

    #[test]
    fn reads_the_stored_settings_once() {
        let client = Client::from_row(
            row(
                "SPA",
                r#"{"redirectUris":["https://app.example.com/cb","com.example.app:/cb"]}"#,
                r#"{"corsAllowedOrigins":["https://other.example.com"],"idTokenTtl":60}"#,
            ),
            vec![],
        )
        .unwrap();
        assert_eq!(client.kind, ApplicationType::Spa);
        assert!(!client.is_confidential() && client.signs_people_in());
        assert!(client.post_logout_redirect_uris.is_empty());
        assert_eq!(client.lifetimes.id_token_secs, 60);
        assert!(client.allows_origin("https://app.example.com"));
        assert!(client.allows_origin("https://other.example.com"));
        assert!(!client.allows_origin("https://evil.example.com"));
        let native = Client::from_row(
            row(
                "Native",
                r#"{"redirectUris":["com.example.app:/callback"]}"#,
                "{}",
            ),
            vec![],
        )
        .unwrap();
        assert!(
            !native.allows_origin("null"),
            "an opaque origin is never allowed"
        );
    }

    #[test]
    fn a_corrupt_row_is_an_error() {
        assert!(Client::from_row(row("Robot", "{}", "{}"), vec![]).is_err());
        assert!(Client::from_row(row("SPA", "not json", "{}"), vec![]).is_err());
        assert!(Client::from_row(row("SPA", r#"{"redirectUris":"x"}"#, "{}"), vec![]).is_err());
        assert!(Client::from_row(row("SPA", "{}", r#"{"idTokenTtl":"60"}"#), vec![]).is_err());
        let m2m = Client::from_row(row("MachineToMachine", "{}", "{}"), vec![]).unwrap();
        assert!(m2m.is_confidential() && !m2m.signs_people_in());
    }
}
