//! `/api/users` with their organizations, MFA factors and Logto flags: the handlers
//! (`handlers.rs`, `mfa_verifications.rs`, `logto_configs.rs`), how their bodies are read (`bodies.rs`) and their routes with their
//! OpenAPI description (below).

mod account;
mod bodies;
mod handlers;
mod logto_configs;
mod mfa_verifications;

use app::model::{OrganizationWithRoles, User};

use crate::domain::logto_config::{LogtoConfig, LogtoConfigPatch};
use crate::domain::mfa::{MfaVerification, MfaVerificationCreate, NewMfaVerification};
use crate::domain::user_account::{
    CustomDataMerge, HasPassword, JsonObject, PasswordInput, ProfileMerge, SuspensionInput,
};
use crate::domain::users::{NewUser, UserPatch};
use crate::management_api::docs::{ApiRoutes, SEARCH_Q, delete, get, patch, post};

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/users",
        [
            get(handlers::users_list, "Get users")
                .id("ListUsers")
                .query("q", SEARCH_Q)
                .query(
                    "excludeOrganizationId",
                    "Leave out members of this organization.",
                )
                .paged::<User>(),
            post(handlers::user_create, "Create user")
                .id("CreateUser")
                .body::<NewUser>()
                .ok::<User>()
                .errors(&[422]),
        ],
    )
    .route(
        "/users/{id}",
        [
            get(handlers::user_get, "Get user")
                .id("GetUser")
                .ok::<User>()
                .errors(&[404]),
            patch(handlers::user_update, "Update user")
                .id("UpdateUser")
                .body::<UserPatch>()
                .ok::<User>()
                .errors(&[404, 422]),
            delete(handlers::user_delete, "Delete user")
                .id("DeleteUser")
                .errors(&[404]),
        ],
    )
    .route(
        "/users/{id}/profile",
        [patch(account::user_profile_update, "Update user profile")
            .id("UpdateUserProfile")
            .body::<ProfileMerge>()
            .ok::<JsonObject>()
            .errors(&[404])],
    )
    .route(
        "/users/{id}/custom-data",
        [
            get(account::user_custom_data_get, "Get user custom data")
                .id("ListUserCustomData")
                .ok::<JsonObject>()
                .errors(&[404]),
            patch(account::user_custom_data_update, "Update user custom data")
                .id("UpdateUserCustomData")
                .body::<CustomDataMerge>()
                .ok::<JsonObject>()
                .errors(&[404]),
        ],
    )
    .route(
        "/users/{id}/password",
        [patch(account::user_password_update, "Update user password")
            .id("UpdateUserPassword")
            .body::<PasswordInput>()
            .ok::<User>()
            .errors(&[404])],
    )
    .route(
        "/users/{id}/password/verify",
        [post(account::user_password_verify, "Verify user password")
            .id("VerifyUserPassword")
            .body::<PasswordInput>()
            .no_content()
            .errors(&[404, 422])],
    )
    .route(
        "/users/{id}/has-password",
        [
            get(account::user_has_password, "Check if user has password")
                .id("GetUserHasPassword")
                .ok::<HasPassword>()
                .errors(&[404]),
        ],
    )
    .route(
        "/users/{id}/is-suspended",
        [patch(
            account::user_suspension_update,
            "Update user suspension status",
        )
        .id("UpdateUserIsSuspended")
        .body::<SuspensionInput>()
        .ok::<User>()
        .errors(&[404])],
    )
    .route(
        "/users/{id}/organizations",
        [get(
            handlers::user_organizations_list,
            "Get organizations for a user",
        )
        .id("ListUserOrganizations")
        .all::<OrganizationWithRoles>()
        .errors(&[404])],
    )
    .route(
        "/users/{id}/mfa-verifications",
        [
            get(
                mfa_verifications::user_mfa_verifications_list,
                "Get user's MFA verifications",
            )
            .id("ListUserMfaVerifications")
            .all::<MfaVerification>()
            .errors(&[404]),
            post(
                mfa_verifications::user_mfa_verification_create,
                "Create an MFA verification for a user",
            )
            .id("CreateUserMfaVerification")
            .body::<MfaVerificationCreate>()
            .ok::<NewMfaVerification>()
            .errors(&[404, 422]),
        ],
    )
    .route(
        "/users/{id}/mfa-verifications/{verificationId}",
        [delete(
            mfa_verifications::user_mfa_verification_delete,
            "Delete an MFA verification for a user",
        )
        .id("DeleteUserMfaVerification")
        .errors(&[404])],
    )
    .route(
        "/users/{id}/logto-configs",
        [
            get(
                logto_configs::user_logto_configs_get,
                "Get user's Logto configs",
            )
            .id("GetUserLogtoConfigs")
            .ok::<LogtoConfig>()
            .errors(&[404]),
            patch(
                logto_configs::user_logto_configs_update,
                "Update user's Logto configs",
            )
            .id("UpdateUserLogtoConfigs")
            .body::<LogtoConfigPatch>()
            .ok::<LogtoConfig>()
            .errors(&[404]),
        ],
    )
}
