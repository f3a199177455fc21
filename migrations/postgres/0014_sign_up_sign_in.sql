-- WARNING: migrations/sqlite/0014_sign_up_sign_in.sql must describe the same schema.
-- How accounts are created and how users sign in (Logto's `sign_up`, `sign_in` and
-- `forgot_password_methods`, JSON), and an email journey under way in a pending sign-in.

-- Logto's seed for a self-hosted tenant: a username and a password. Sign-in also takes an
-- email address with its password, as earlier versions of the hosted page did.
ALTER TABLE sign_in_experiences ADD COLUMN sign_up TEXT NOT NULL
    DEFAULT '{"identifiers":["username"],"password":true,"verify":false}';
ALTER TABLE sign_in_experiences ADD COLUMN sign_in TEXT NOT NULL
    DEFAULT '{"methods":[{"identifier":"username","password":true,"verificationCode":false,"isPasswordPrimary":true},{"identifier":"email","password":true,"verificationCode":false,"isPasswordPrimary":true}]}';
-- NULL is Logto's legacy value: every method whose messages can be sent.
ALTER TABLE sign_in_experiences ADD COLUMN forgot_password_methods TEXT
    DEFAULT '["EmailVerificationCode"]';

-- The email journey of a pending sign-in (JSON): the address a code went to and what waits on
-- it (an account to create, a sign-in, a password to reset).
ALTER TABLE oidc_interactions ADD COLUMN journey TEXT;

-- Wrong codes per address (every purpose), for a cap that resending does not renew (Logto's
-- sentinel: 100 in an hour block the address's codes for the rest of the hour). Rows older
-- than the hour are swept as new ones are written.
CREATE TABLE verification_code_failures (
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    failed_at BIGINT NOT NULL
);
CREATE INDEX verification_code_failures__recipient
    ON verification_code_failures (tenant_id, recipient, failed_at);
CREATE INDEX verification_code_failures__failed_at ON verification_code_failures (failed_at);
