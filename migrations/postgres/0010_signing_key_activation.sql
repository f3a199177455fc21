-- When each signing key starts signing: a rotation publishes the new key at once and lets it
-- sign only from this time (epoch ms), so every replica and every resource server reading the
-- JWKS knows it first. Keys from before this column were signing from their creation.
ALTER TABLE signing_keys ADD COLUMN activates_at BIGINT;
