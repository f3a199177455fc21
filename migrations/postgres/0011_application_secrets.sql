-- WARNING: migrations/sqlite/0011_application_secrets.sql must describe the same schema.
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
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    PRIMARY KEY (tenant_id, application_id, name)
);

INSERT INTO application_secrets (tenant_id, application_id, name, digest, created_at)
    SELECT tenant_id, id, 'Default secret', secret_digest, created_at
    FROM applications WHERE secret_digest IS NOT NULL;

ALTER TABLE applications DROP COLUMN secret_digest;

-- A client's secrets are part of what the token endpoint keeps per replica with the client,
-- so their changes raise the grants revision like the application's own (see 0007).
CREATE CONSTRAINT TRIGGER application_secrets__client_grants
    AFTER INSERT OR UPDATE OR DELETE ON application_secrets
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_client_grants_revision();
