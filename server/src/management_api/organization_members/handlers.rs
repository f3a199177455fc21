//! The handlers of `/api/organizations/:id/users…` and `/api/organizations/:id/applications…`
//! (Logto's `packages/core/src/routes/organization/{user,application}/index.ts`). Both kinds of
//! member share the handlers below except for their list.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::bodies::{
    OrganizationApplicationRolesAssign, OrganizationApplicationsAdd,
    OrganizationApplicationsReplace, OrganizationApplicationsRolesAdd, OrganizationUserRolesAssign,
    OrganizationUsersAdd, OrganizationUsersReplace, OrganizationUsersRolesAdd,
};
use crate::domain::members::{self, MemberRoles};
use crate::http::error::ApiError;
use crate::http::extract::JsonBody;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::{Body, FromBody, IdListBody};
use crate::management_api::pagination::ListRequest;
use crate::management_api::responses;
use crate::state::AppState;
use crate::storage::MemberKind;

/// `GET /organizations/:id/users?q&organizationRoleId&page&page_size` (pagination mandatory;
/// an unknown organization has no members).
pub async fn organization_users_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.page()?;
    let q = list.search(&["q"])?;
    let role = list.query.get("organizationRoleId");
    let found = members::list_users(&state.store, &tenant, &id, q, role, page).await?;
    Ok(list.respond(Some(page), found))
}

/// `GET /organizations/:id/applications?q&page&page_size` (pagination mandatory).
pub async fn organization_applications_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.page()?;
    let q = list.search(&["q"])?;
    let found = members::list_applications(&state.store, &tenant, &id, q, page).await?;
    Ok(list.respond(Some(page), found))
}

/// `GET /organizations/:id/users/:userId/scopes`: the user's organization permissions there.
pub async fn organization_user_scopes_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, user)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let scopes = members::user_scopes(&state.store, &tenant, &id, &user).await?;
    Ok(Json(scopes).into_response())
}

/// The body of `…/:memberId/roles`, read once membership is established: Logto checks it
/// before the route reads its body (`router.use` in
/// `packages/core/src/routes/organization/user/role-relations.ts`), so a non-member is 422 even
/// with a bad body. The domain checks membership again, for its callers that read no body.
async fn member_roles<T: FromBody + Into<MemberRoles>>(
    state: &AppState,
    tenant: &str,
    kind: MemberKind,
    id: &str,
    member: &str,
    body: &Value,
) -> Result<MemberRoles, ApiError> {
    members::require_membership(&state.store, kind, tenant, id, member).await?;
    Ok(T::from_body(body)?.into())
}

/// Handlers for one kind of member, so the two route families cannot drift apart; each handler
/// is named at the call, with the body type of `POST` and `PUT` members, `POST …/roles` and
/// `…/:memberId/roles`.
macro_rules! member_handlers {
    (
        kind = $kind:expr,
        echo_ids = $echo_ids:expr,
        add = $add:ident($add_body:ty),
        replace = $replace:ident($replace_body:ty),
        remove = $remove:ident,
        add_roles_to_many = $add_roles_to_many:ident($roles_to_many_body:ty),
        roles_list = $roles_list:ident,
        roles_add = $roles_add:ident($roles_body:ty),
        roles_replace = $roles_replace:ident,
        role_remove = $role_remove:ident $(,)?
    ) => {
        /// `POST` `{ userIds | applicationIds }` → 201 (users echo the raw request ids).
        pub async fn $add(
            State(state): State<AppState>,
            Tenant(tenant): Tenant,
            Path(id): Path<String>,
            Body(input): Body<$add_body>,
        ) -> Result<Response, ApiError> {
            let now = state.clock.now_ms();
            let ids = input.into_ids();
            members::add(&state.store, $kind, &tenant, &id, &ids, now).await?;
            Ok(if $echo_ids {
                (StatusCode::CREATED, Json(json!({ "userIds": ids }))).into_response()
            } else {
                StatusCode::CREATED.into_response()
            })
        }

        /// `PUT` → 204: departing members are removed with their roles.
        pub async fn $replace(
            State(state): State<AppState>,
            Tenant(tenant): Tenant,
            Path(id): Path<String>,
            Body(input): Body<$replace_body>,
        ) -> Result<StatusCode, ApiError> {
            let now = state.clock.now_ms();
            let ids = input.into_ids();
            members::replace(&state.store, $kind, &tenant, &id, &ids, now).await?;
            Ok(StatusCode::NO_CONTENT)
        }

        pub async fn $remove(
            State(state): State<AppState>,
            Tenant(tenant): Tenant,
            Path((id, member)): Path<(String, String)>,
        ) -> Result<StatusCode, ApiError> {
            responses::deleted(members::remove(&state.store, $kind, &tenant, &id, &member).await?)
        }

        /// `POST …/roles` `{ memberIds, organizationRoleIds }` → 201, all or nothing.
        pub async fn $add_roles_to_many(
            State(state): State<AppState>,
            Tenant(tenant): Tenant,
            Path(id): Path<String>,
            Body(input): Body<$roles_to_many_body>,
        ) -> Result<StatusCode, ApiError> {
            let now = state.clock.now_ms();
            let input = input.into();
            members::add_roles_to_many(&state.store, $kind, &tenant, &id, input, now).await?;
            Ok(StatusCode::CREATED)
        }

        /// `GET …/:memberId/roles` (pagination optional; members only).
        pub async fn $roles_list(
            State(state): State<AppState>,
            Tenant(tenant): Tenant,
            Path((id, member)): Path<(String, String)>,
            list: ListRequest,
        ) -> Result<Response, ApiError> {
            let page = list.optional_page()?;
            let found = members::roles(&state.store, $kind, &tenant, &id, &member, page).await?;
            Ok(list.respond(page, found))
        }

        pub async fn $roles_add(
            State(state): State<AppState>,
            Tenant(tenant): Tenant,
            Path((id, member)): Path<(String, String)>,
            JsonBody(body): JsonBody,
        ) -> Result<Response, ApiError> {
            let roles =
                member_roles::<$roles_body>(&state, &tenant, $kind, &id, &member, &body).await?;
            let now = state.clock.now_ms();
            let ids =
                members::add_roles(&state.store, $kind, &tenant, &id, &member, roles, now).await?;
            Ok(if $echo_ids {
                let body: Value = json!({ "organizationRoleIds": ids });
                (StatusCode::CREATED, Json(body)).into_response()
            } else {
                StatusCode::CREATED.into_response()
            })
        }

        pub async fn $roles_replace(
            State(state): State<AppState>,
            Tenant(tenant): Tenant,
            Path((id, member)): Path<(String, String)>,
            JsonBody(body): JsonBody,
        ) -> Result<StatusCode, ApiError> {
            let roles =
                member_roles::<$roles_body>(&state, &tenant, $kind, &id, &member, &body).await?;
            let now = state.clock.now_ms();
            members::replace_roles(&state.store, $kind, &tenant, &id, &member, roles, now).await?;
            Ok(StatusCode::NO_CONTENT)
        }

        pub async fn $role_remove(
            State(state): State<AppState>,
            Tenant(tenant): Tenant,
            Path((id, member, role)): Path<(String, String, String)>,
        ) -> Result<StatusCode, ApiError> {
            let removed =
                members::remove_role(&state.store, $kind, &tenant, &id, &member, &role).await?;
            responses::deleted(removed)
        }
    };
}

member_handlers!(
    kind = MemberKind::User,
    echo_ids = true,
    add = organization_users_add(OrganizationUsersAdd),
    replace = organization_users_replace(OrganizationUsersReplace),
    remove = organization_user_remove,
    add_roles_to_many = organization_users_roles_add(OrganizationUsersRolesAdd),
    roles_list = organization_user_roles_list,
    roles_add = organization_user_roles_add(OrganizationUserRolesAssign),
    roles_replace = organization_user_roles_replace,
    role_remove = organization_user_role_remove,
);
member_handlers!(
    kind = MemberKind::Application,
    echo_ids = false,
    add = organization_applications_add(OrganizationApplicationsAdd),
    replace = organization_applications_replace(OrganizationApplicationsReplace),
    remove = organization_application_remove,
    add_roles_to_many = organization_applications_roles_add(OrganizationApplicationsRolesAdd),
    roles_list = organization_application_roles_list,
    roles_add = organization_application_roles_add(OrganizationApplicationRolesAssign),
    roles_replace = organization_application_roles_replace,
    role_remove = organization_application_role_remove,
);
