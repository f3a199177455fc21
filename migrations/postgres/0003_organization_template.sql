-- WARNING: migrations/sqlite/0003_organization_template.sql must describe the same schema.
-- Organization roles, memberships of users and machine-to-machine apps with their roles,
-- just-in-time provisioning settings and enterprise SSO connectors (spec §1.3–§1.6, §1.9).
-- Role and application type rules are CHECK constraints over functions here and BEFORE INSERT
-- triggers on SQLite (whose CHECKs cannot read other tables); both surface as a check
-- violation. An unknown id passes the type rule and fails its foreign key instead, as in Logto.

-- When a member joined: relation lists are ordered by it (then id).
ALTER TABLE organization_user_relations ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX organization_user_relations__created_at
    ON organization_user_relations (tenant_id, organization_id, created_at, user_id);
-- The organizations of one user, in joining order, read from the index alone.
DROP INDEX organization_user_relations__user_id;
CREATE INDEX organization_user_relations__user_id
    ON organization_user_relations (tenant_id, user_id, created_at, organization_id);
-- Member counts are kept with the organization so a member page never counts 100,000 rows.
ALTER TABLE organizations ADD COLUMN users_count BIGINT NOT NULL DEFAULT 0;
UPDATE organizations SET users_count = (SELECT COUNT(*) FROM organization_user_relations m
    WHERE m.organization_id = organizations.id);
CREATE FUNCTION organization_users_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE organizations SET users_count = users_count + 1 WHERE id = NEW.organization_id;
    ELSE
        UPDATE organizations SET users_count = users_count - 1 WHERE id = OLD.organization_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER organization_user_relations__count
AFTER INSERT OR DELETE ON organization_user_relations
FOR EACH ROW EXECUTE FUNCTION organization_users_count();

-- The application a user registered through (null for users created by the Management API).
ALTER TABLE users ADD COLUMN application_id TEXT;

CREATE TABLE organization_roles (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    type TEXT NOT NULL DEFAULT 'User' CHECK (type IN ('User', 'MachineToMachine')),
    CONSTRAINT organization_roles__name UNIQUE (tenant_id, name)
);
CREATE INDEX organization_roles__type ON organization_roles (tenant_id, type);

-- Type rules read other tables, so they live in functions (NULL for an unknown id: the foreign
-- key reports that case).
CREATE FUNCTION check_organization_role_type(role_id TEXT, target_type TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$ SELECT (SELECT type FROM organization_roles WHERE id = role_id) = target_type $$;
CREATE FUNCTION check_role_type(role_id TEXT, target_type TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$ SELECT (SELECT type FROM roles WHERE id = role_id) = target_type $$;
CREATE FUNCTION check_application_type(application_id TEXT, target_type TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$ SELECT (SELECT type FROM applications WHERE id = application_id) = target_type $$;

CREATE TABLE organization_role_scope_relations (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
    organization_scope_id TEXT NOT NULL REFERENCES organization_scopes (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_role_id, organization_scope_id)
);
CREATE INDEX organization_role_scope_relations__scope
    ON organization_role_scope_relations (organization_scope_id);

CREATE TABLE organization_role_resource_scope_relations (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
    scope_id TEXT NOT NULL REFERENCES scopes (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_role_id, scope_id)
);
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
        ON DELETE CASCADE,
    CONSTRAINT organization_role_user_relations__role_type CHECK (check_organization_role_type(organization_role_id, 'User'))
);
CREATE INDEX organization_role_user_relations__member
    ON organization_role_user_relations (tenant_id, organization_id, user_id, organization_role_id);
CREATE INDEX organization_role_user_relations__user
    ON organization_role_user_relations (tenant_id, user_id, organization_id, organization_role_id);
CREATE INDEX organization_role_user_relations__role
    ON organization_role_user_relations (organization_role_id);

CREATE TABLE organization_application_relations (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, organization_id, application_id),
    CONSTRAINT organization_application_relations__application_type CHECK (check_application_type(application_id, 'MachineToMachine'))
);
CREATE INDEX organization_application_relations__created_at
    ON organization_application_relations (tenant_id, organization_id, created_at, application_id);
CREATE INDEX organization_application_relations__application
    ON organization_application_relations (tenant_id, application_id, created_at, organization_id);

CREATE TABLE organization_role_application_relations (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_id, organization_role_id, application_id),
    FOREIGN KEY (tenant_id, organization_id, application_id)
        REFERENCES organization_application_relations (tenant_id, organization_id, application_id)
        ON DELETE CASCADE,
    CONSTRAINT organization_role_application_relations__role_type CHECK (check_organization_role_type(organization_role_id, 'MachineToMachine'))
);
CREATE INDEX organization_role_application_relations__member
    ON organization_role_application_relations (tenant_id, organization_id, application_id);
CREATE INDEX organization_role_application_relations__application
    ON organization_role_application_relations
    (tenant_id, application_id, organization_id, organization_role_id);
CREATE INDEX organization_role_application_relations__role
    ON organization_role_application_relations (organization_role_id);

-- Global roles of users (User-type only); applications_roles gets the M2M rule.
CREATE TABLE users_roles (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, user_id, role_id),
    CONSTRAINT users_roles__role_type CHECK (check_role_type(role_id, 'User'))
);
CREATE INDEX users_roles__role_id ON users_roles (tenant_id, role_id);
ALTER TABLE applications_roles ADD CONSTRAINT applications_roles__role_type
    CHECK (check_role_type(role_id, 'MachineToMachine'));
CREATE INDEX scopes__resource_id ON scopes (tenant_id, resource_id, created_at, id);

CREATE TABLE sso_connectors (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id TEXT PRIMARY KEY,
    provider_name TEXT NOT NULL CHECK (provider_name IN ('OIDC', 'SAML')),
    connector_name TEXT NOT NULL,
    config TEXT NOT NULL DEFAULT '{}',
    domains TEXT NOT NULL DEFAULT '[]',
    branding TEXT NOT NULL DEFAULT '{}',
    sync_profile BOOLEAN NOT NULL DEFAULT FALSE,
    enable_token_storage BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    CONSTRAINT sso_connectors__connector_name UNIQUE (tenant_id, connector_name)
);
CREATE INDEX sso_connectors__created_at ON sso_connectors (tenant_id, created_at, id);

-- Email domains are stored lower-case: DNS names compare case-insensitively.
CREATE TABLE organization_jit_email_domains (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email_domain TEXT NOT NULL,
    created_at BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, organization_id, email_domain)
);
CREATE INDEX organization_jit_email_domains__email_domain
    ON organization_jit_email_domains (tenant_id, email_domain);

CREATE TABLE organization_jit_roles (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_id, organization_role_id),
    -- Default roles are given to users, so only User roles qualify (Logto does not check this
    -- and fails later, at provisioning).
    CONSTRAINT organization_jit_roles__role_type
        CHECK (check_organization_role_type(organization_role_id, 'User'))
);
CREATE INDEX organization_jit_roles__role ON organization_jit_roles (organization_role_id);

CREATE TABLE organization_jit_sso_connectors (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    sso_connector_id TEXT NOT NULL REFERENCES sso_connectors (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_id, sso_connector_id)
);
CREATE INDEX organization_jit_sso_connectors__connector
    ON organization_jit_sso_connectors (tenant_id, sso_connector_id);
