//! Global roles seen from whoever holds them (Logto's `routes/admin-user/role.ts` and
//! `routes/applications/application-role.ts`): a user holds User roles, a machine-to-machine
//! app holds MachineToMachine roles, and nothing else holds any.

use app::model::Role;

use super::relations::dedup;
use super::{DomainError, roles};
use crate::storage::relations::{APPLICATION_ROLES, Relation, USER_ROLES};
use crate::storage::{MANAGEMENT_API_ROLE_ID, Page, Paged, RoleFilter, Store};

/// Who holds the roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    User,
    Application,
}

impl Holder {
    fn relation(self) -> &'static Relation {
        match self {
            Holder::User => &USER_ROLES,
            Holder::Application => &APPLICATION_ROLES,
        }
    }

    /// The table named in a 404 for an unknown holder.
    pub fn table(self) -> &'static str {
        match self {
            Holder::User => "users",
            Holder::Application => "applications",
        }
    }

    fn role_type(self) -> &'static str {
        match self {
            Holder::User => "User",
            Holder::Application => "MachineToMachine",
        }
    }

    fn wrong_role_type(self) -> DomainError {
        match self {
            Holder::User => DomainError::refused(
                422,
                "user.invalid_role_type",
                "Can not assign machine to machine role to user.",
            ),
            Holder::Application => DomainError::refused(
                422,
                "application.invalid_role_type",
                "Can not assign user type role to machine to machine application.",
            ),
        }
    }
}

/// `POST …/roles`: what was asked and what was new.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RolesAdded {
    pub role_ids: Vec<String>,
    pub added_role_ids: Vec<String>,
}

/// The holder must exist (`None` otherwise); an application must be machine-to-machine.
async fn require_holder(
    store: &Store,
    tenant: &str,
    holder: Holder,
    id: &str,
) -> Result<Option<()>, DomainError> {
    match holder {
        Holder::User => Ok(store.user_find_by_id(tenant, id).await?.map(|_| ())),
        Holder::Application => {
            let Some(app) = store.application_find_by_id(tenant, id).await? else {
                return Ok(None);
            };
            if app.app_type != "MachineToMachine" {
                return Err(DomainError::refused(
                    422,
                    "application.invalid_type",
                    "Only machine to machine applications can have associated roles.",
                ));
            }
            Ok(Some(()))
        }
    }
}

/// Every id must name a role of the holder's type: 404 for the first unknown one, else 422.
async fn check_roles(
    store: &Store,
    tenant: &str,
    holder: Holder,
    ids: &[String],
) -> Result<(), DomainError> {
    let found = store.roles_find_many(tenant, ids).await?;
    if let Some(missing) = ids.iter().find(|id| !found.iter().any(|r| &r.id == *id)) {
        return Err(DomainError::refused(
            404,
            "entity.not_exists_with_id",
            format!("The roles with ID `{missing}` does not exist."),
        ));
    }
    if found.iter().any(|r| r.role_type != holder.role_type()) {
        return Err(holder.wrong_role_type());
    }
    Ok(())
}

/// One page of the holder's roles by name, filtered by `q`; `None` for an unknown holder.
pub async fn list(
    store: &Store,
    tenant: &str,
    holder: Holder,
    id: &str,
    q: Option<&str>,
    page: Page,
) -> Result<Option<Paged<Role>>, DomainError> {
    if require_holder(store, tenant, holder, id).await?.is_none() {
        return Ok(None);
    }
    let filter = RoleFilter {
        q,
        held_by_user: (holder == Holder::User).then_some(id),
        held_by_application: (holder == Holder::Application).then_some(id),
        ..RoleFilter::default()
    };
    let found = store.role_list(tenant, &filter, page).await?;
    Ok(Some(found.map(roles::to_wire)))
}

/// Gives the roles (repeats and roles already held count once); `None` for an unknown holder.
pub async fn add(
    store: &Store,
    tenant: &str,
    holder: Holder,
    id: &str,
    role_ids: Vec<String>,
    now: i64,
) -> Result<Option<RolesAdded>, DomainError> {
    if require_holder(store, tenant, holder, id).await?.is_none() {
        return Ok(None);
    }
    let held = store
        .relation_items(holder.relation(), tenant, &[id])
        .await?;
    let added: Vec<String> = dedup(role_ids.clone())
        .into_iter()
        .filter(|r| !held.contains(r))
        .collect();
    check_roles(store, tenant, holder, &added).await?;
    store
        .relation_add(holder.relation(), tenant, &[id], &added, now)
        .await?;
    Ok(Some(RolesAdded {
        role_ids,
        added_role_ids: added,
    }))
}

/// Makes the holder's roles exactly these, all or nothing; `None` for an unknown holder. The
/// bootstrap credential keeps the Management API access role.
pub async fn replace(
    store: &Store,
    tenant: &str,
    holder: Holder,
    id: &str,
    role_ids: Vec<String>,
    bootstrap: Option<&str>,
    now: i64,
) -> Result<Option<Vec<String>>, DomainError> {
    if require_holder(store, tenant, holder, id).await?.is_none() {
        return Ok(None);
    }
    let role_ids = dedup(role_ids);
    check_roles(store, tenant, holder, &role_ids).await?;
    if holder == Holder::Application && !role_ids.iter().any(|r| r == MANAGEMENT_API_ROLE_ID) {
        roles::check_application_removal(MANAGEMENT_API_ROLE_ID, id, bootstrap)?;
    }
    store
        .relation_replace(holder.relation(), tenant, &[id], &role_ids, now)
        .await?;
    Ok(Some(role_ids))
}

/// Takes one role away; `Some(false)` when it was not held, `None` for an unknown holder. The
/// bootstrap credential keeps the Management API access role.
pub async fn remove(
    store: &Store,
    tenant: &str,
    holder: Holder,
    id: &str,
    role_id: &str,
    bootstrap: Option<&str>,
) -> Result<Option<bool>, DomainError> {
    if require_holder(store, tenant, holder, id).await?.is_none() {
        return Ok(None);
    }
    if holder == Holder::Application {
        roles::check_application_removal(role_id, id, bootstrap)?;
    }
    Ok(Some(
        store
            .relation_remove(holder.relation(), tenant, &[id], role_id)
            .await?,
    ))
}
