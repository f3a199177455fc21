-- WARNING: migrations/postgres/0011_application_secrets.sql must describe the same schema.
-- An application may hold several named secrets (Logto's `application_secrets`), so a secret
-- can be rotated without downtime: add a new one, move the clients, delete the old one. Each is
-- kept as the SHA-256 digest of its value (shown once, when it is created); `expires_at` (epoch
-- ms) ends it. The single digest of earlier versions becomes the secret named
-- "Default secret".
CREATE TABLE application_secrets (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    digest TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    PRIMARY KEY (tenant_id, application_id, name)
) STRICT;

INSERT INTO application_secrets (tenant_id, application_id, name, digest, created_at)
    SELECT tenant_id, id, 'Default secret', secret_digest, created_at
    FROM applications WHERE secret_digest IS NOT NULL;

ALTER TABLE applications DROP COLUMN secret_digest;

-- A client's secrets are part of what the token endpoint keeps per replica with the client,
-- so their changes raise the grants revision like the application's own (see 0007).
CREATE TRIGGER application_secrets__client_grants_insert AFTER INSERT ON application_secrets
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER application_secrets__client_grants_update AFTER UPDATE ON application_secrets
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER application_secrets__client_grants_delete AFTER DELETE ON application_secrets
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
