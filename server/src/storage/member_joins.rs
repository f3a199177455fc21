//! Members joining an organization together with their roles, in one transaction: the
//! console's Add dialog gives the new members their roles at once, and a role that cannot be
//! given (unknown, or of the wrong type for the kind of member) must leave nobody added.

use super::db::Store;
use super::error::StorageError;
use super::member_kind::MemberKind;
use super::relations::{insert_in, lock_owners};

impl Store {
    /// Adds the members (present ones are kept) and gives each of them every role in
    /// `role_ids`; all or nothing. Both relations are scoped by the organization first, so one
    /// lock on it serializes this with every other write of its members and their roles.
    pub async fn members_add_with_roles(
        &self,
        kind: MemberKind,
        tenant: &str,
        organization_id: &str,
        member_ids: &[String],
        role_ids: &[String],
        now: i64,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin().await?;
        lock_owners(&mut tx, &[&[organization_id]]).await?;
        let organization = [organization_id];
        insert_in(
            &mut tx,
            kind.members(),
            tenant,
            &organization,
            member_ids,
            now,
        )
        .await?;
        // Each role row needs its membership row (a composite foreign key), inserted above.
        for member in member_ids {
            let scope = [organization_id, member.as_str()];
            insert_in(&mut tx, kind.roles(), tenant, &scope, role_ids, now).await?;
        }
        tx.commit().await
    }
}
