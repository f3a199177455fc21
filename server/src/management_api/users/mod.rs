//! `/api/users` with their organizations and MFA factors: the handlers (`handlers.rs`,
//! `mfa_verifications.rs`), how their bodies are read (`bodies.rs`) and their routes with their
//! OpenAPI description (below).

mod bodies;
mod handlers;
mod mfa_verifications;

use app::model::{OrganizationWithRoles, User};

use crate::domain::mfa::{MfaVerification, MfaVerificationCreate, NewMfaVerification};
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
}
