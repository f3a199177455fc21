//! The benchmark's data set, written through the store in batches: an organization with
//! `members` members each holding a role, a user in 1,000 organizations, and a
//! machine-to-machine app holding a role in its own organization.

use server::domain::ids;
use server::storage::relations::{
    ORGANIZATION_APPLICATION_ROLES, ORGANIZATION_APPLICATIONS, ORGANIZATION_USER_ROLES,
    ORGANIZATION_USERS,
};
use server::storage::{
    ApplicationRow, DEFAULT_TENANT, NewApplication, OrganizationRoleRow, OrganizationRow,
    OrganizationScopeRow, Store, UserRow,
};

/// Rows per bulk insert while seeding the big organization.
const BATCH: usize = 1_000;

/// What the measurements need to know about the seeded data.
pub struct Fixture {
    pub big_org: String,
    pub busy_user: String,
    /// One of the busy user's organizations (edited to make its list change).
    pub busy_org: String,
    pub robot_org: String,
    pub robot_id: String,
    pub robot_secret: String,
}

pub async fn seed(store: &Store, members: usize) -> Fixture {
    let now = 1_700_000_000_000_i64;
    let org = |id: String, name: String| OrganizationRow {
        tenant_id: DEFAULT_TENANT.into(),
        id,
        name,
        description: None,
        custom_data: "{}".into(),
        is_mfa_required: false,
        color: "{}".into(),
        branding: "{}".into(),
        custom_css: None,
        created_at: now,
    };
    let role = |name: &str, kind: &str| OrganizationRoleRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: ids::generate(ids::LONG),
        name: name.into(),
        description: None,
        role_type: kind.into(),
    };
    let mut scopes = Vec::new();
    for name in ["read:docs", "write:docs", "admin:docs"] {
        let scope = OrganizationScopeRow {
            tenant_id: DEFAULT_TENANT.into(),
            id: ids::generate(ids::LONG),
            name: name.into(),
            description: None,
        };
        store.organization_scope_insert(&scope).await.unwrap();
        scopes.push(scope.id);
    }
    let member_role = role("member", "User");
    let machine_role = role("machine", "MachineToMachine");
    store
        .organization_role_insert(&member_role, &scopes[..1], &[])
        .await
        .unwrap();
    store
        .organization_role_insert(&machine_role, &scopes, &[])
        .await
        .unwrap();

    // The big organization: `members` users, each a member holding `member`.
    let big_org = ids::generate(ids::SHORT);
    // Created first, so the first page of the organization list shows it.
    store
        .organization_insert(&OrganizationRow {
            created_at: now - 1,
            ..org(big_org.clone(), "Big".into())
        })
        .await
        .unwrap();
    let mut created = 0;
    while created < members {
        let n = BATCH.min(members - created);
        let users: Vec<UserRow> = (0..n)
            .map(|i| UserRow {
                username: Some(format!("user_{}", created + i)),
                name: Some(format!("User {}", created + i)),
                ..UserRow::new(DEFAULT_TENANT, ids::generate(ids::SHORT), now)
            })
            .collect();
        store.users_insert_many(&users).await.unwrap();
        let ids: Vec<String> = users.iter().map(|u| u.id.clone()).collect();
        let joined = now + created as i64;
        store
            .relation_add(
                &ORGANIZATION_USERS,
                DEFAULT_TENANT,
                &[&big_org],
                &ids,
                joined,
            )
            .await
            .unwrap();
        let scopes: Vec<Vec<&str>> = ids.iter().map(|u| vec![big_org.as_str(), u]).collect();
        store
            .relation_add_each(
                &ORGANIZATION_USER_ROLES,
                DEFAULT_TENANT,
                &scopes,
                std::slice::from_ref(&member_role.id),
                now,
            )
            .await
            .unwrap();
        created += n;
    }

    // A user in 1,000 organizations, holding `member` in each.
    let busy = UserRow {
        username: Some("busy".into()),
        ..UserRow::new(DEFAULT_TENANT, ids::generate(ids::SHORT), now)
    };
    store
        .users_insert_many(std::slice::from_ref(&busy))
        .await
        .unwrap();
    let mut org_ids = Vec::new();
    for i in 0..1_000 {
        let id = ids::generate(ids::SHORT);
        store
            .organization_insert(&org(id.clone(), format!("Org {i}")))
            .await
            .unwrap();
        org_ids.push(id);
    }
    let org_scopes: Vec<Vec<&str>> = org_ids.iter().map(|o| vec![o.as_str()]).collect();
    store
        .relation_add_each(
            &ORGANIZATION_USERS,
            DEFAULT_TENANT,
            &org_scopes,
            std::slice::from_ref(&busy.id),
            now,
        )
        .await
        .unwrap();
    let member_scopes: Vec<Vec<&str>> = org_ids
        .iter()
        .map(|o| vec![o.as_str(), busy.id.as_str()])
        .collect();
    store
        .relation_add_each(
            &ORGANIZATION_USER_ROLES,
            DEFAULT_TENANT,
            &member_scopes,
            std::slice::from_ref(&member_role.id),
            now,
        )
        .await
        .unwrap();

    // An M2M app in its own organization holding the machine role (three permissions).
    let robot_org = ids::generate(ids::SHORT);
    store
        .organization_insert(&org(robot_org.clone(), "Robots".into()))
        .await
        .unwrap();
    let robot_secret = server::domain::secrets::generate();
    let robot = ApplicationRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: ids::generate(ids::LONG),
        name: "Robot".into(),
        description: None,
        app_type: "MachineToMachine".into(),
        oidc_client_metadata: "{}".into(),
        custom_client_metadata: "{}".into(),
        custom_data: "{}".into(),
        is_third_party: false,
        created_at: now,
    };
    store
        .application_insert(&NewApplication {
            row: robot.clone(),
            role_ids: Vec::new(),
            secret_digest: Some(server::domain::secrets::digest_hex(&robot_secret)),
        })
        .await
        .unwrap();
    store
        .relation_add(
            &ORGANIZATION_APPLICATIONS,
            DEFAULT_TENANT,
            &[&robot_org],
            std::slice::from_ref(&robot.id),
            now,
        )
        .await
        .unwrap();
    store
        .relation_add(
            &ORGANIZATION_APPLICATION_ROLES,
            DEFAULT_TENANT,
            &[&robot_org, &robot.id],
            std::slice::from_ref(&machine_role.id),
            now,
        )
        .await
        .unwrap();
    Fixture {
        big_org,
        busy_user: busy.id,
        busy_org: org_ids[0].clone(),
        robot_org,
        robot_id: robot.id,
        robot_secret,
    }
}
