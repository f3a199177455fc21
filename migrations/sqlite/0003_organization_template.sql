-- WARNING: migrations/postgres/0003_organization_template.sql must describe the same schema.
-- Organization roles, memberships of users and machine-to-machine apps with their roles,
-- just-in-time provisioning settings and enterprise SSO connectors (spec §1.3–§1.6, §1.9).
-- Role and application type rules are BEFORE INSERT triggers here (SQLite CHECKs cannot read
-- other tables) and CHECK constraints over functions on PostgreSQL; both surface as a check
-- violation. An unknown id passes the type rule and fails its foreign key instead, as in Logto.

-- When a member joined: relation lists are ordered by it (then id).
ALTER TABLE organization_user_relations ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX organization_user_relations__created_at
    ON organization_user_relations (tenant_id, organization_id, created_at, user_id);
-- The organizations of one user, in joining order, read from the index alone.
DROP INDEX organization_user_relations__user_id;
CREATE INDEX organization_user_relations__user_id
    ON organization_user_relations (tenant_id, user_id, created_at, organization_id);
-- Member counts are kept with the organization so a member page never counts 100,000 rows.
ALTER TABLE organizations ADD COLUMN users_count INTEGER NOT NULL DEFAULT 0;
UPDATE organizations SET users_count = (SELECT COUNT(*) FROM organization_user_relations m
    WHERE m.organization_id = organizations.id);
CREATE TRIGGER organization_user_relations__count_insert
AFTER INSERT ON organization_user_relations
BEGIN
    UPDATE organizations SET users_count = users_count + 1 WHERE id = NEW.organization_id;
END;
CREATE TRIGGER organization_user_relations__count_delete
AFTER DELETE ON organization_user_relations
BEGIN
    UPDATE organizations SET users_count = users_count - 1 WHERE id = OLD.organization_id;
END;

-- The application a user registered through (null for users created by the Management API).
ALTER TABLE users ADD COLUMN application_id TEXT;

CREATE TABLE organization_roles (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    type TEXT NOT NULL DEFAULT 'User' CHECK (type IN ('User', 'MachineToMachine')),
    CONSTRAINT organization_roles__name UNIQUE (tenant_id, name)
) STRICT;
CREATE INDEX organization_roles__type ON organization_roles (tenant_id, type);

CREATE TABLE organization_role_scope_relations (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
    organization_scope_id TEXT NOT NULL REFERENCES organization_scopes (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_role_id, organization_scope_id)
) STRICT;
CREATE INDEX organization_role_scope_relations__scope
    ON organization_role_scope_relations (organization_scope_id);

CREATE TABLE organization_role_resource_scope_relations (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
    scope_id TEXT NOT NULL REFERENCES scopes (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_role_id, scope_id)
) STRICT;
CREATE INDEX organization_role_resource_scope_relations__scope
    ON organization_role_resource_scope_relations (scope_id);

-- A role can only be held by a member: the composite key removes roles with the membership.
CREATE TABLE organization_role_user_relations (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_id, organization_role_id, user_id),
    FOREIGN KEY (tenant_id, organization_id, user_id)
        REFERENCES organization_user_relations (tenant_id, organization_id, user_id)
        ON DELETE CASCADE
) STRICT;
CREATE INDEX organization_role_user_relations__member
    ON organization_role_user_relations (tenant_id, organization_id, user_id, organization_role_id);
CREATE INDEX organization_role_user_relations__user
    ON organization_role_user_relations (tenant_id, user_id, organization_id, organization_role_id);
CREATE INDEX organization_role_user_relations__role
    ON organization_role_user_relations (organization_role_id);
CREATE TRIGGER organization_role_user_relations__role_type
BEFORE INSERT ON organization_role_user_relations
WHEN (SELECT type FROM organization_roles WHERE id = NEW.organization_role_id) <> 'User'
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: organization_role_user_relations__role_type');
END;

CREATE TABLE organization_application_relations (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, organization_id, application_id)
) STRICT;
CREATE INDEX organization_application_relations__created_at
    ON organization_application_relations (tenant_id, organization_id, created_at, application_id);
CREATE INDEX organization_application_relations__application
    ON organization_application_relations (tenant_id, application_id, created_at, organization_id);
CREATE TRIGGER organization_application_relations__application_type
BEFORE INSERT ON organization_application_relations
WHEN (SELECT type FROM applications WHERE id = NEW.application_id) <> 'MachineToMachine'
BEGIN
    SELECT RAISE(ABORT,
        'CHECK constraint failed: organization_application_relations__application_type');
END;

CREATE TABLE organization_role_application_relations (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_id, organization_role_id, application_id),
    FOREIGN KEY (tenant_id, organization_id, application_id)
        REFERENCES organization_application_relations (tenant_id, organization_id, application_id)
        ON DELETE CASCADE
) STRICT;
CREATE INDEX organization_role_application_relations__member
    ON organization_role_application_relations (tenant_id, organization_id, application_id);
CREATE INDEX organization_role_application_relations__application
    ON organization_role_application_relations
    (tenant_id, application_id, organization_id, organization_role_id);
CREATE INDEX organization_role_application_relations__role
    ON organization_role_application_relations (organization_role_id);
CREATE TRIGGER organization_role_application_relations__role_type
BEFORE INSERT ON organization_role_application_relations
WHEN (SELECT type FROM organization_roles WHERE id = NEW.organization_role_id) <> 'MachineToMachine'
BEGIN
    SELECT RAISE(ABORT,
        'CHECK constraint failed: organization_role_application_relations__role_type');
END;

-- Global roles of users (User-type only); applications_roles gets the M2M rule.
CREATE TABLE users_roles (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, user_id, role_id)
) STRICT;
CREATE INDEX users_roles__role_id ON users_roles (tenant_id, role_id);
CREATE TRIGGER users_roles__role_type
BEFORE INSERT ON users_roles
WHEN (SELECT type FROM roles WHERE id = NEW.role_id) <> 'User'
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: users_roles__role_type');
END;
CREATE TRIGGER applications_roles__role_type
BEFORE INSERT ON applications_roles
WHEN (SELECT type FROM roles WHERE id = NEW.role_id) <> 'MachineToMachine'
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: applications_roles__role_type');
END;
CREATE INDEX scopes__resource_id ON scopes (tenant_id, resource_id, created_at, id);

CREATE TABLE sso_connectors (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id TEXT PRIMARY KEY,
    provider_name TEXT NOT NULL CHECK (provider_name IN ('OIDC', 'SAML')),
    connector_name TEXT NOT NULL,
    config TEXT NOT NULL DEFAULT '{}',
    domains TEXT NOT NULL DEFAULT '[]',
    branding TEXT NOT NULL DEFAULT '{}',
    sync_profile INTEGER NOT NULL DEFAULT 0,
    enable_token_storage INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    CONSTRAINT sso_connectors__connector_name UNIQUE (tenant_id, connector_name)
) STRICT;
CREATE INDEX sso_connectors__created_at ON sso_connectors (tenant_id, created_at, id);

-- Email domains are stored lower-case: DNS names compare case-insensitively.
CREATE TABLE organization_jit_email_domains (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email_domain TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, organization_id, email_domain)
) STRICT;
CREATE INDEX organization_jit_email_domains__email_domain
    ON organization_jit_email_domains (tenant_id, email_domain);

CREATE TABLE organization_jit_roles (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_id, organization_role_id)
) STRICT;
CREATE INDEX organization_jit_roles__role ON organization_jit_roles (organization_role_id);
-- Default roles are given to users, so only User roles qualify (Logto does not check this and
-- fails later, at provisioning).
CREATE TRIGGER organization_jit_roles__role_type
BEFORE INSERT ON organization_jit_roles
WHEN (SELECT type FROM organization_roles WHERE id = NEW.organization_role_id) <> 'User'
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: organization_jit_roles__role_type');
END;

CREATE TABLE organization_jit_sso_connectors (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    sso_connector_id TEXT NOT NULL REFERENCES sso_connectors (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_id, sso_connector_id)
) STRICT;
CREATE INDEX organization_jit_sso_connectors__connector
    ON organization_jit_sso_connectors (tenant_id, sso_connector_id);
