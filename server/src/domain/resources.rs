//! API resources and their permissions (spec §1.9).

use app::model::Scope;

use crate::storage::ScopeRow;

pub fn scope_to_wire(row: ScopeRow) -> Scope {
    Scope {
        tenant_id: row.tenant_id,
        id: row.id,
        resource_id: row.resource_id,
        name: row.name,
        description: row.description,
        created_at: row.created_at,
    }
}
