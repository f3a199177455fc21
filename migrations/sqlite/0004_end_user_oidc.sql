-- WARNING: migrations/postgres/0004_end_user_oidc.sql must describe the same schema.
-- End-user OpenID Connect: authorization requests waiting for a sign-in (interactions),
-- browser sessions, grants with their authorization codes and tokens, MFA factors and the
-- tenant's sign-in settings. Secrets handed to browsers and clients (cookie values, codes,
-- tokens) are stored only as SHA-256 digests, so a database read does not yield usable ones.
-- Times are epoch milliseconds.

-- Sign-in by email address compares case-insensitively.
CREATE INDEX users__lower_primary_email ON users (tenant_id, lower(primary_email));

-- An authorization request between `/oidc/auth` and the redirect back to the client.
CREATE TABLE oidc_interactions (
    id_digest TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    client_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    -- The validated request (JSON): redirect URI, scopes, resources, state, nonce, PKCE, prompt.
    request TEXT NOT NULL,
    -- Set once the user has signed in, while consent is still to be given.
    user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
    auth_time INTEGER,
    -- What the page shows after a failed attempt (post/redirect/get keeps no state in URLs).
    last_error TEXT,
    last_identifier TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX oidc_interactions__expires_at ON oidc_interactions (expires_at);

-- A signed-in browser: shared by every replica, survives restarts.
CREATE TABLE oidc_sessions (
    id_digest TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    auth_time INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX oidc_sessions__user_id ON oidc_sessions (tenant_id, user_id);

-- What a user granted a client in one authorization; codes and tokens hang off it, so
-- revoking a grant (code or refresh-token reuse, logout) removes everything it issued.
CREATE TABLE oidc_grants (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    client_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Space-separated granted scopes (OIDC scopes and API / organization permissions).
    scopes TEXT NOT NULL,
    -- JSON array of the resource indicators the grant covers.
    resources TEXT NOT NULL DEFAULT '[]',
    nonce TEXT,
    auth_time INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX oidc_grants__user_id ON oidc_grants (tenant_id, user_id, client_id);

CREATE TABLE oidc_authorization_codes (
    code_digest TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    grant_id TEXT NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
    redirect_uri TEXT NOT NULL,
    code_challenge TEXT,
    -- Set when exchanged; a second exchange revokes the grant.
    consumed_at INTEGER,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX oidc_authorization_codes__grant_id ON oidc_authorization_codes (grant_id);

CREATE TABLE oidc_refresh_tokens (
    token_digest TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    grant_id TEXT NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    -- Set when rotated; presenting a consumed token revokes the grant.
    consumed_at INTEGER
) STRICT;
CREATE INDEX oidc_refresh_tokens__grant_id ON oidc_refresh_tokens (grant_id);

-- Opaque access tokens (for `/oidc/me`); JWT access tokens are not stored.
CREATE TABLE oidc_access_tokens (
    token_digest TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    grant_id TEXT NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
    scopes TEXT NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX oidc_access_tokens__grant_id ON oidc_access_tokens (grant_id);

-- A user's MFA factors ("has MFA configured" = at least one row).
CREATE TABLE user_mfa_verifications (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN ('Totp', 'BackupCode', 'WebAuthn')),
    -- TOTP key (base32) or backup codes (JSON); needed in clear to verify later.
    secret TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX user_mfa_verifications__user_id
    ON user_mfa_verifications (tenant_id, user_id, created_at);

-- Per-tenant sign-in settings (Logto's sign-in experience, the parts Tessera implements).
CREATE TABLE sign_in_experiences (
    tenant_id TEXT PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    sign_in_mode TEXT NOT NULL DEFAULT 'SignInAndRegister'
        CHECK (sign_in_mode IN ('SignIn', 'Register', 'SignInAndRegister'))
) STRICT;
INSERT INTO sign_in_experiences (tenant_id) VALUES ('default');

-- Key/value tenant configuration (Logto's `logto_configs`), e.g. `idToken`.
CREATE TABLE logto_configs (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (tenant_id, key)
) STRICT;
INSERT INTO logto_configs (tenant_id, key, value) VALUES
    ('default', 'idToken', '{"enabledExtendedClaims":["roles","organizations","organization_roles"]}');
