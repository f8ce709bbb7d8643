-- Who may sign in (issue 8). Both tables are read before any tenant is known (to find out who the caller is), so
-- row-level security (V10) leaves them out.

-- The built-in accounts: today only the installation's operator, 'admin'. Only a hash of the password is kept
-- (Spring Security's DelegatingPasswordEncoder format, "{bcrypt}$2a$...").
CREATE TABLE local_accounts (
    username      text        PRIMARY KEY,
    password_hash text        NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- Per-tenant keys of machine clients ("Authorization: Bearer psk_..."). Only the SHA-256 of the key is kept: the key
-- has 256 bits of randomness, so a fast hash cannot be reversed by guessing, and one index lookup finds it.
CREATE TABLE api_keys (
    key_id       uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    name         text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('viewer', 'admin')),
    key_hash     bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at, key_id);
