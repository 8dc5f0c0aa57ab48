-- Kirok schema, version 2: the web app's staff accounts, their sessions and the login attempts.
-- Written only through kirok.auth (SQLiteAccounts). No password and no session token is ever stored:
-- accounts keep an argon2id hash, sessions the SHA-256 of their random token.
-- The CHECK on accounts.role lists kirok.auth.roles.Role; tests/auth/test_sqlite.py keeps them equal.

CREATE TABLE accounts (
    username TEXT PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 64),
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    created_at TEXT NOT NULL,             -- ISO datetime, UTC
    password_changed_at TEXT NOT NULL     -- ISO datetime, UTC
);

CREATE TABLE sessions (
    token_sha256 TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
    username TEXT NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    created_at TEXT NOT NULL,             -- ISO datetime, UTC: the absolute limit counts from here
    last_seen_at TEXT NOT NULL            -- ISO datetime, UTC: the idle limit counts from here
);

CREATE INDEX sessions_username ON sessions (username);

-- One row per login attempt, kept a day for rate limiting. ``username`` is the account's name when
-- the account exists, otherwise a keyed digest of what was typed (people type passwords there).
CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,                     -- ISO datetime, UTC
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    ok INTEGER NOT NULL CHECK (ok IN (0, 1))
);

CREATE INDEX login_attempts_username ON login_attempts (username, at);
CREATE INDEX login_attempts_address ON login_attempts (address, at);
