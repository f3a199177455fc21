//! Organization invitations and their roles (Logto's `organization_invitations`,
//! `organization_invitation_role_relations`). A stored `Pending` past its expiry is read as
//! `Expired` (the row is left as it is, as Logto does).

use super::db::{Store, dispatch, dispatch_exec, dispatch_tx, dispatch_tx_exec};
use super::error::StorageError;
use super::member_kind::MemberKind;
use super::message_sends::{SendLimit, take_send};
use super::relations::{insert_in, lock_owners};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct InvitationRow {
    pub tenant_id: String,
    pub id: String,
    pub inviter_id: Option<String>,
    pub invitee: String,
    pub accepted_user_id: Option<String>,
    pub organization_id: String,
    /// As read: a stored `Pending` past `expires_at` is `Expired`.
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub expires_at: i64,
}

/// A role an invitation gives, `(invitation id, role id, role name)`.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct InvitationRoleRow {
    pub organization_invitation_id: String,
    pub id: String,
    pub name: String,
}

/// `$2` is now.
const COLUMNS: &str = "tenant_id, id, inviter_id, invitee, accepted_user_id, organization_id, \
     CASE WHEN status = 'Pending' AND expires_at < $2 THEN 'Expired' ELSE status END AS status, \
     created_at, updated_at, expires_at";

/// Which invitations a list holds (Logto's filters; the invitee in any case).
#[derive(Debug, Default)]
pub struct InvitationFilter<'a> {
    pub organization_id: Option<&'a str>,
    pub inviter_id: Option<&'a str>,
    pub invitee: Option<&'a str>,
}

impl Store {
    /// Inserts a pending invitation with its roles, first marking the address's expired
    /// pending invitations to the organization `Expired`, and counts the invitation's message
    /// when `send` (`false`, nothing written, when the address had its share). A pending
    /// invitation already there is a `UniqueViolation`, an unknown organization, inviter or
    /// role a `ForeignKeyViolation`.
    pub async fn invitation_insert(
        &self,
        row: &InvitationRow,
        role_ids: &[String],
        send: Option<SendLimit<'_>>,
    ) -> Result<bool, StorageError> {
        const EXPIRE: &str = "UPDATE organization_invitations SET status = 'Expired', \
             updated_at = $4 WHERE tenant_id = $1 AND organization_id = $2 \
             AND lower(invitee) = lower($3) AND status = 'Pending' AND expires_at < $4";
        const INSERT: &str = "INSERT INTO organization_invitations (tenant_id, id, inviter_id, \
             invitee, accepted_user_id, organization_id, status, created_at, updated_at, \
             expires_at) VALUES ($1, $2, $3, $4, NULL, $5, 'Pending', $6, $6, $7)";
        const ROLE: &str = "INSERT INTO organization_invitation_role_relations (tenant_id, \
             organization_invitation_id, organization_role_id) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING";
        let mut tx = self.begin().await?;
        dispatch_tx_exec!(tx, c => sqlx::query(EXPIRE)
            .bind(&row.tenant_id)
            .bind(&row.organization_id)
            .bind(&row.invitee)
            .bind(row.created_at)
            .execute(c))?;
        dispatch_tx_exec!(tx, c => sqlx::query(INSERT)
            .bind(&row.tenant_id)
            .bind(&row.id)
            .bind(&row.inviter_id)
            .bind(&row.invitee)
            .bind(&row.organization_id)
            .bind(row.created_at)
            .bind(row.expires_at)
            .execute(c))?;
        for role in role_ids {
            dispatch_tx_exec!(tx, c => sqlx::query(ROLE)
                .bind(&row.tenant_id)
                .bind(&row.id)
                .bind(role)
                .execute(c))?;
        }
        if let Some(limit) = send
            && !take_send(&mut tx, &row.tenant_id, limit).await?
        {
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }

    pub async fn invitation_find(
        &self,
        tenant: &str,
        id: &str,
        now: i64,
    ) -> Result<Option<InvitationRow>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM organization_invitations WHERE tenant_id = $1 AND id = $3"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, InvitationRow>(&sql)
            .bind(tenant)
            .bind(now)
            .bind(id)
            .fetch_optional(p))?,
        )
    }

    /// Newest first; no pagination (as Logto).
    pub async fn invitation_list(
        &self,
        tenant: &str,
        filter: &InvitationFilter<'_>,
        now: i64,
    ) -> Result<Vec<InvitationRow>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM organization_invitations WHERE tenant_id = $1 \
             AND ($3 IS NULL OR organization_id = $3) AND ($4 IS NULL OR inviter_id = $4) \
             AND ($5 IS NULL OR lower(invitee) = lower($5)) ORDER BY created_at DESC, id"
        );
        Ok(
            dispatch!(&self.db, p => sqlx::query_as::<_, InvitationRow>(&sql)
            .bind(tenant)
            .bind(now)
            .bind(filter.organization_id)
            .bind(filter.inviter_id)
            .bind(filter.invitee)
            .fetch_all(p))?,
        )
    }

    /// The roles of the invitations `ids`, by name within each.
    pub async fn invitation_roles(
        &self,
        tenant: &str,
        ids: &[String],
    ) -> Result<Vec<InvitationRoleRow>, StorageError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks = super::sql::placeholders(2, ids.len());
        let sql = format!(
            "SELECT r.organization_invitation_id, o.id, o.name \
             FROM organization_invitation_role_relations r \
             JOIN organization_roles o ON o.id = r.organization_role_id \
             WHERE r.tenant_id = $1 AND r.organization_invitation_id IN ({marks}) \
             ORDER BY r.organization_invitation_id, o.name, o.id"
        );
        Ok(dispatch!(&self.db, p => {
            let mut q = sqlx::query_as::<_, InvitationRoleRow>(&sql).bind(tenant);
            for id in ids {
                q = q.bind(id);
            }
            q.fetch_all(p)
        })?)
    }

    /// `false` when there was no such invitation.
    pub async fn invitation_delete(&self, tenant: &str, id: &str) -> Result<bool, StorageError> {
        const SQL: &str = "DELETE FROM organization_invitations WHERE tenant_id = $1 AND id = $2";
        let done =
            dispatch_exec!(&self.db, p => sqlx::query(SQL).bind(tenant).bind(id).execute(p))?;
        Ok(done > 0)
    }

    /// Ends a pending invitation: `Revoked`, or `Accepted` by `accepted_user_id`, who then
    /// joins the organization with the invitation's roles — in one transaction, and only while
    /// the invitation is still pending and unexpired (`false` otherwise: ended meanwhile).
    pub async fn invitation_end(
        &self,
        invitation: &InvitationRow,
        status: &str,
        accepted_user_id: Option<&str>,
        now: i64,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "UPDATE organization_invitations SET status = $3, \
             accepted_user_id = COALESCE($4, accepted_user_id), updated_at = $5 \
             WHERE tenant_id = $1 AND id = $2 AND status = 'Pending' AND expires_at >= $5";
        const ROLES: &str = "SELECT organization_role_id FROM \
             organization_invitation_role_relations WHERE tenant_id = $1 \
             AND organization_invitation_id = $2 ORDER BY organization_role_id";
        let tenant = invitation.tenant_id.as_str();
        let organization = invitation.organization_id.as_str();
        let mut tx = self.begin().await?;
        lock_owners(&mut tx, &[&[organization]]).await?;
        let done = dispatch_tx_exec!(tx, c => sqlx::query(SQL)
            .bind(tenant)
            .bind(&invitation.id)
            .bind(status)
            .bind(accepted_user_id)
            .bind(now)
            .execute(c))?;
        if done == 0 {
            return Ok(false);
        }
        if let Some(user) = accepted_user_id {
            let roles: Vec<String> = dispatch_tx!(tx, c => sqlx::query_scalar(ROLES)
                .bind(tenant)
                .bind(&invitation.id)
                .fetch_all(c))?;
            let kind = MemberKind::User;
            let member = [user.to_string()];
            insert_in(
                &mut tx,
                kind.members(),
                tenant,
                &[organization],
                &member,
                now,
            )
            .await?;
            insert_in(
                &mut tx,
                kind.roles(),
                tenant,
                &[organization, user],
                &roles,
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Whether a member of the organization has `email` as primary email (exactly, as Logto's
    /// `isMember`).
    pub async fn organization_has_member_email(
        &self,
        tenant: &str,
        organization_id: &str,
        email: &str,
    ) -> Result<bool, StorageError> {
        const SQL: &str = "SELECT u.id FROM organization_user_relations m \
             JOIN users u ON u.tenant_id = m.tenant_id AND u.id = m.user_id \
             WHERE m.tenant_id = $1 AND m.organization_id = $2 AND u.primary_email = $3 LIMIT 1";
        let found: Option<String> = dispatch!(&self.db, p => sqlx::query_scalar(SQL)
            .bind(tenant)
            .bind(organization_id)
            .bind(email)
            .fetch_optional(p))?;
        Ok(found.is_some())
    }
}
