-- WARNING: migrations/postgres/0015_invitations_one_time_tokens.sql must describe the same schema.
-- Organization invitations (Logto's `organization_invitations` and their roles) and one-time
-- tokens (Logto's `one_time_tokens`, magic links). Times are epoch milliseconds.

CREATE TABLE organization_invitations (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id TEXT PRIMARY KEY,
    inviter_id TEXT REFERENCES users (id) ON DELETE CASCADE,
    -- The invited email address, as given.
    invitee TEXT NOT NULL,
    accepted_user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- A stored Pending past expires_at reads as Expired.
    status TEXT NOT NULL CHECK (status IN ('Pending', 'Accepted', 'Expired', 'Revoked')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
-- One pending invitation per address and organization (Logto's index, case as given).
CREATE UNIQUE INDEX organization_invitations__invitee_organization_id
    ON organization_invitations (tenant_id, invitee, organization_id) WHERE status = 'Pending';
CREATE INDEX organization_invitations__organization_id
    ON organization_invitations (tenant_id, organization_id, created_at);
CREATE INDEX organization_invitations__lower_invitee
    ON organization_invitations (tenant_id, lower(invitee));

-- The organization roles an accepted invitation gives.
CREATE TABLE organization_invitation_role_relations (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    organization_invitation_id TEXT NOT NULL
        REFERENCES organization_invitations (id) ON DELETE CASCADE,
    organization_role_id TEXT NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, organization_invitation_id, organization_role_id)
) STRICT;
CREATE INDEX organization_invitation_role_relations__role
    ON organization_invitation_role_relations (organization_role_id);

-- One-time tokens: the token itself is shown once, at creation; only its SHA-256 digest is kept.
CREATE TABLE one_time_tokens (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    token_digest TEXT NOT NULL,
    -- {jitOrganizationIds?, interactionEvent?, invitationId?} (JSON).
    context TEXT NOT NULL DEFAULT '{}',
    -- The invitation whose link carries the token: its links end with it, and a new link
    -- replaces the earlier ones.
    invitation_id TEXT REFERENCES organization_invitations (id) ON DELETE CASCADE,
    -- A stored active past expires_at reads as expired.
    status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'consumed', 'revoked', 'expired')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX one_time_tokens__token_digest ON one_time_tokens (tenant_id, token_digest);
CREATE INDEX one_time_tokens__email ON one_time_tokens (tenant_id, email, created_at);
CREATE INDEX one_time_tokens__created_at ON one_time_tokens (tenant_id, created_at);
CREATE INDEX one_time_tokens__invitation_id ON one_time_tokens (invitation_id);

-- Organizations a pending sign-in joins (with their default roles) once it completes, after
-- the MFA step (a magic link's `jitOrganizationIds` for an existing account, as Logto joins
-- them at submit): a JSON array of ids.
ALTER TABLE oidc_interactions ADD COLUMN join_organizations TEXT;
