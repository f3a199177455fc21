//! Wire types shared by the Management API and the console (serde only, wasm-safe).

mod applications;
mod console;
mod hosted;
mod invitations;
mod memberships;
mod mfa;
mod organization_roles;
mod organization_scopes;
mod organizations;
mod resources;
mod roles;
mod sign_in_settings;
mod sso_connectors;
mod users;

pub use applications::{
    APPLICATION_TYPES, Application, ApplicationPage, ApplicationSecret, ApplicationSettings,
    CreatedApplication, CreatedApplicationSecret, DEFAULT_ALWAYS_ISSUE_REFRESH_TOKEN,
    DEFAULT_ID_TOKEN_TTL_SECS, DEFAULT_REFRESH_TOKEN_TTL_DAYS, DEFAULT_ROTATE_REFRESH_TOKEN,
    signs_people_in,
};
pub use console::{AdminInfo, ConsoleStatus, Paged};
pub use hosted::{
    Branding, Consent, HostedView, InvitationView, JourneyView, MfaView, SignInView, SignUpView,
    TotpSetup,
};
pub use invitations::{ConsoleInvitation, InviteForm};
pub use memberships::{ApplicationWithOrganizationRoles, OrganizationWithRoles};
pub use mfa::{MFA_FACTORS, MFA_POLICIES, MfaSettingsForm, UserFactor};
pub use organization_roles::{
    NamedRef, ORGANIZATION_ROLE_TYPES, OrganizationRole, OrganizationRoleWithScopes,
    ResourceScopeRef, RolePermissions,
};
pub use organization_scopes::OrganizationScope;
pub use organizations::{
    FeaturedUser, Organization, OrganizationPage, OrganizationSettings, OrganizationWithFeatured,
};
pub use resources::{MANAGEMENT_API_RESOURCE_ID, Resource, ResourceWithScopes, Scope};
pub use roles::{FeaturedApplication, Role, RoleWithHolders};
pub use sign_in_settings::{SIGN_IN_MODES, SIGN_UP_IDENTIFIERS, SignInSettingsForm};
pub use sso_connectors::{JitEmailDomain, JitSettings, SSO_PROVIDERS, SsoConnector};
pub use users::{NewUser, User, UserProfileForm, UserWithOrganizationRoles};
