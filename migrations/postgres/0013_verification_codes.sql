-- WARNING: migrations/sqlite/0013_verification_codes.sql must describe the same schema.
-- Email verification codes (Logto's `passcodes`): six digits, kept as their SHA-256 digest, for
-- one address and purpose (a Logto template type); a new one replaces the unconsumed ones.
CREATE TABLE verification_codes (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id TEXT PRIMARY KEY,
    -- Lower case: addresses compare case-insensitively.
    email TEXT NOT NULL,
    type TEXT NOT NULL,
    code_digest TEXT NOT NULL,
    try_count BIGINT NOT NULL DEFAULT 0,
    consumed_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX verification_codes__email ON verification_codes (tenant_id, email, type, created_at);

-- Messages sent per recipient, for Logto's limit (10 in 600 s); rows older than the window are
-- swept as new ones are written.
CREATE TABLE verification_code_sends (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    sent_at BIGINT NOT NULL
);
CREATE INDEX verification_code_sends__recipient
    ON verification_code_sends (tenant_id, recipient, sent_at);
CREATE INDEX verification_code_sends__sent_at ON verification_code_sends (sent_at);
CREATE INDEX verification_codes__created_at ON verification_codes (tenant_id, created_at);
