-- WARNING: migrations/postgres/0002_organization_scopes.sql must describe the same schema.
-- Organization permissions of the organization template (spec §1.2): names unique per tenant.

CREATE TABLE organization_scopes (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    CONSTRAINT organization_scopes__name UNIQUE (tenant_id, name)
) STRICT;
