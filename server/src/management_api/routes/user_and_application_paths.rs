//! Users, applications, the sign-in experience and OIDC configuration.

use app::model::{Application, CreatedApplication, OrganizationWithRoles, User};

use super::search_param::Q;
use crate::domain::applications::{ApplicationPatch, NewApplication};
use crate::domain::mfa::{MfaVerification, MfaVerificationCreate, NewMfaVerification};
use crate::domain::users::{NewUser, UserPatch};
use crate::management_api::bodies::{IdTokenConfigReplace, OidcKeysRotate, SignInExperiencePatch};
use crate::management_api::docs::{ApiRoutes, delete, get, patch, post, put};
use crate::management_api::id_token_config::IdTokenConfig;
use crate::management_api::keys::PrivateKeyInfo;
use crate::management_api::sign_in_exp::SignInExperience;
use crate::management_api::{applications, id_token_config, keys, mfa, sign_in_exp, users};

pub(super) fn user_and_application_routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/users",
        [
            get(users::list, "Get users")
                .id("ListUsers")
                .query("q", Q)
                .query("excludeOrganizationId", "Leave out members of this organization.")
                .paged::<User>(),
            post(users::create, "Create user")
                .id("CreateUser")
                .body::<NewUser>()
                .ok::<User>()
                .errors(&[422]),
        ],
    )
    .route(
        "/users/{id}",
        [
            get(users::get, "Get user")
                .id("GetUser")
                .ok::<User>()
                .errors(&[404]),
            patch(users::update, "Update user")
                .id("UpdateUser")
                .body::<UserPatch>()
                .ok::<User>()
                .errors(&[404, 422]),
            delete(users::delete, "Delete user")
                .id("DeleteUser")
                .errors(&[404]),
        ],
    )
    .route(
        "/users/{id}/organizations",
        [
            get(users::organizations, "Get organizations for a user")
                .id("ListUserOrganizations")
                .all::<OrganizationWithRoles>()
                .errors(&[404]),
        ],
    )
    .route(
        "/users/{id}/mfa-verifications",
        [
            get(mfa::list, "Get user's MFA verifications")
                .id("ListUserMfaVerifications")
                .all::<MfaVerification>()
                .errors(&[404]),
            post(mfa::create, "Create an MFA verification for a user")
                .id("CreateUserMfaVerification")
                .body::<MfaVerificationCreate>()
                .ok::<NewMfaVerification>()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/users/{id}/mfa-verifications/{verificationId}",
        [delete(mfa::delete, "Delete an MFA verification for a user")
            .id("DeleteUserMfaVerification")
            .errors(&[404])],
    )
    .route(
        "/sign-in-exp",
        [
            get(sign_in_exp::get, "Get default sign-in experience settings")
                .id("GetSignInExp")
                .ok::<SignInExperience>(),
            patch(sign_in_exp::patch, "Update default sign-in experience settings")
                .id("UpdateSignInExp")
                .body::<SignInExperiencePatch>()
                .ok::<SignInExperience>(),
        ],
    )
    .route(
        "/applications",
        [
            get(applications::applications_list, "Get applications")
                .id("ListApplications")
                .query("q", Q)
                .query(
                    "types",
                    "Comma-separated application types (`Native`, `SPA`, `Traditional`, `MachineToMachine`, `Protected`, `SAML`); may repeat.",
                )
                .query("excludeOrganizationId", "Leave out applications in this organization.")
                .list::<Application>(),
            post(applications::application_create, "Create an application")
                .id("CreateApplication")
                .describe("Traditional and machine-to-machine applications get a secret, returned this once.")
                .body::<NewApplication>()
                .ok::<CreatedApplication>()
                .errors(&[422]),
        ],
    )
    .route(
        "/applications/{id}",
        [
            get(applications::application_get, "Get application")
                .id("GetApplication")
                .ok::<Application>()
                .errors(&[404]),
            patch(applications::application_patch, "Update application")
                .id("UpdateApplication")
                .body::<ApplicationPatch>()
                .ok::<Application>()
                .errors(&[404, 422]),
            delete(applications::application_delete, "Delete application")
                .id("DeleteApplication")
                .errors(&[404]),
        ],
    )
    .route(
        "/applications/{id}/organizations",
        [
            get(
                applications::application_organizations,
                "Get application organizations",
            )
            .id("ListApplicationOrganizations")
            .list::<OrganizationWithRoles>()
            .errors(&[404]),
        ],
    )
    .route(
        "/configs/id-token",
        [
            get(id_token_config::get, "Get ID token claims configuration")
                .id("GetIdTokenConfig")
                .ok::<IdTokenConfig>(),
            put(id_token_config::put, "Upsert ID token claims configuration")
                .id("UpsertIdTokenConfig")
                .body::<IdTokenConfigReplace>()
                .ok::<IdTokenConfig>(),
        ],
    )
    .route(
        "/configs/oidc/private-keys",
        [get(keys::private_keys_list, "Get OIDC keys")
            .id("GetOidcKeys")
            .all::<PrivateKeyInfo>()],
    )
    .route(
        "/configs/oidc/private-keys/{keyId}",
        [delete(keys::private_key_delete, "Delete OIDC key")
            .id("DeleteOidcKey")
            .describe("Only a previous key can be deleted; tokens it signed stop verifying.")
            .errors(&[404, 422])],
    )
    .route(
        "/configs/oidc/private-keys/rotate",
        [
            post(keys::private_keys_rotate, "Rotate OIDC keys")
                .id("RotateOidcKeys")
                .describe(
                    "The new key is published at once and signs after the grace period (the \
                     configured activation delay by default); earlier public keys stay in the \
                     JWKS.",
                )
                .body::<OidcKeysRotate>()
                .all::<PrivateKeyInfo>(),
        ],
    )
}
