-- WARNING: migrations/postgres/0012_mfa_sign_in.sql must describe the same schema.
-- MFA at sign-in (Logto's `sign_in_experiences.mfa`, `users.logto_config`).

-- The tenant's MFA settings: `{factors, policy, organizationRequiredMfaPolicy?}` (Logto's seed).
ALTER TABLE sign_in_experiences
    ADD COLUMN mfa TEXT NOT NULL DEFAULT '{"factors":[],"policy":"UserControlled"}';

-- Backup code sets are now written as SHA-256 digests (`[{"digest", "usedAt"}]`); sets kept in
-- clear by earlier versions (see 0004) are read alike and rewritten as digests at their next use.

-- Logto's per-user flags, e.g. `{"mfa": {"enabled": false, "skipped": true}}`.
ALTER TABLE users ADD COLUMN logto_config TEXT NOT NULL DEFAULT '{}';

-- When a factor last verified a sign-in; for TOTP the time step of the last accepted code (a
-- code is accepted only from a newer step, so none can be replayed); for passkeys what the
-- Management API lists beside the credential (`{credentialId, rpId, agent, name}`).
ALTER TABLE user_mfa_verifications ADD COLUMN last_used_at INTEGER;
ALTER TABLE user_mfa_verifications ADD COLUMN last_used_step INTEGER;
ALTER TABLE user_mfa_verifications ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
-- A passkey's credential ID (base64url): one account per credential.
ALTER TABLE user_mfa_verifications ADD COLUMN credential_id TEXT;
CREATE UNIQUE INDEX user_mfa_verifications__credential_id
    ON user_mfa_verifications (tenant_id, credential_id);

-- One authenticator app and one set of backup codes per user, kept by the database (two
-- concurrent writes cannot both add one). Earlier versions checked it in the statement only:
-- the oldest of any duplicates stays.
DELETE FROM user_mfa_verifications
WHERE type IN ('Totp', 'BackupCode') AND EXISTS (
    SELECT 1 FROM user_mfa_verifications o
    WHERE o.tenant_id = user_mfa_verifications.tenant_id
      AND o.user_id = user_mfa_verifications.user_id
      AND o.type = user_mfa_verifications.type
      AND (o.created_at < user_mfa_verifications.created_at
        OR (o.created_at = user_mfa_verifications.created_at AND o.id < user_mfa_verifications.id)));
CREATE UNIQUE INDEX user_mfa_verifications__one_totp
    ON user_mfa_verifications (tenant_id, user_id) WHERE type = 'Totp';
CREATE UNIQUE INDEX user_mfa_verifications__one_backup_code_set
    ON user_mfa_verifications (tenant_id, user_id) WHERE type = 'BackupCode';

-- The MFA step of a pending sign-in (JSON): the user whose password was checked, what they
-- verified or bound so far, a secret or codes waiting to be bound, a passkey ceremony.
ALTER TABLE oidc_interactions ADD COLUMN mfa TEXT;

-- Failed MFA codes per user (Logto's sentinel: 100 in an hour lock the user's MFA for an hour),
-- shared by every replica.
CREATE TABLE user_mfa_failures (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    window_started_at INTEGER NOT NULL,
    failures INTEGER NOT NULL,
    locked_until INTEGER,
    PRIMARY KEY (tenant_id, user_id)
) STRICT;
