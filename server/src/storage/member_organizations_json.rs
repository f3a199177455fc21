//! `GET /api/users/:id/organizations` as one JSON document built by the database: a user can be
//! in a thousand organizations, and decoding two thousand rows one by one (organizations, then
//! roles) cost more than the query itself. One row comes back, already in Logto's wire shape
//! (`Organization` plus `organizationRoles`), in joining order with roles by name.

use super::memberships::MemberKind;
use super::{Db, StorageError, Store};

impl Store {
    /// The member's organizations with its roles there, as a JSON array.
    pub async fn member_organizations_json(
        &self,
        kind: MemberKind,
        tenant: &str,
        member_id: &str,
    ) -> Result<String, StorageError> {
        let sql = match &self.db {
            Db::Sqlite(_) => sqlite_sql(kind),
            Db::Postgres(_) => postgres_sql(kind),
        };
        let json: Option<String> = super::dispatch!(&self.db, p => sqlx::query_scalar(&sql)
            .bind(tenant)
            .bind(member_id)
            .fetch_one(p))?;
        Ok(json.unwrap_or_else(|| "[]".into()))
    }
}

fn sqlite_sql(kind: MemberKind) -> String {
    let (members, roles, col) = (kind.members().table, kind.roles().table, kind.column());
    // `json(…)` keeps nested documents as JSON (a subquery's result is plain text otherwise);
    // an ordered subquery feeds `json_group_array` in that order.
    format!(
        "SELECT json_group_array(json(item)) FROM ( \
           SELECT json_object( \
             'tenantId', o.tenant_id, 'id', o.id, 'name', o.name, 'description', o.description, \
             'customData', json(o.custom_data), \
             'isMfaRequired', json(CASE WHEN o.is_mfa_required THEN 'true' ELSE 'false' END), \
             'color', json(o.color), 'branding', json(o.branding), \
             'customCss', o.custom_css, 'createdAt', o.created_at, \
             'organizationRoles', json(( \
               SELECT json_group_array(json_object('id', x.id, 'name', x.name)) FROM ( \
                 SELECT ro.id, ro.name FROM {roles} rr \
                 JOIN organization_roles ro ON ro.id = rr.organization_role_id \
                 WHERE rr.tenant_id = m.tenant_id AND rr.organization_id = m.organization_id \
                   AND rr.{col} = m.{col} \
                 ORDER BY ro.name, ro.id) x))) AS item \
           FROM {members} m JOIN organizations o ON o.id = m.organization_id \
           WHERE m.tenant_id = $1 AND m.{col} = $2 \
           ORDER BY m.created_at, o.id)"
    )
}

fn postgres_sql(kind: MemberKind) -> String {
    let (members, roles, col) = (kind.members().table, kind.roles().table, kind.column());
    format!(
        "SELECT COALESCE(json_agg(json_build_object( \
             'tenantId', o.tenant_id, 'id', o.id, 'name', o.name, 'description', o.description, \
             'customData', o.custom_data::json, 'isMfaRequired', o.is_mfa_required, \
             'color', o.color::json, 'branding', o.branding::json, \
             'customCss', o.custom_css, 'createdAt', o.created_at, \
             'organizationRoles', COALESCE(( \
               SELECT json_agg(json_build_object('id', ro.id, 'name', ro.name) \
                               ORDER BY ro.name COLLATE \"C\", ro.id) \
               FROM {roles} rr JOIN organization_roles ro ON ro.id = rr.organization_role_id \
               WHERE rr.tenant_id = m.tenant_id AND rr.organization_id = m.organization_id \
                 AND rr.{col} = m.{col}), '[]'::json) \
           ) ORDER BY m.created_at, o.id), '[]'::json)::text \
         FROM {members} m JOIN organizations o ON o.id = m.organization_id \
         WHERE m.tenant_id = $1 AND m.{col} = $2"
    )
}
