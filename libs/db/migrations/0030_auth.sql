-- Who may see and do what: people (users with a role and a unit scope), their sessions, the
-- read-only display tokens of wall screens, login throttling and the first-run setup token.
-- The audit trail reuses audit_log (0020). Domain rules live in libs/auth.
-- Every secret is stored as a hash: argon2id for passwords (a human can pick a weak one),
-- SHA-256 for random 256-bit tokens (nothing to guess, and a lookup by hash must be fast).

-- "user" is reserved in SQL, hence app_user. Usernames are stored lower-case so "Admin" and
-- "admin" cannot be two accounts. unit_codes: empty for admin, the province for province roles,
-- the ward(s) for ward roles (checked by libs/auth against admin_unit, which can change).
CREATE TABLE app_user (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username            text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name        text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash       text NOT NULL,
  role                text NOT NULL
                        CHECK (role IN ('admin', 'province_leader', 'province_operator', 'ward_leader', 'ward_operator')),
  unit_codes          text[] NOT NULL DEFAULT '{}',
  disabled_at         timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'admin' OR cardinality(unit_codes) = 0),
  CHECK (role = 'admin' OR cardinality(unit_codes) > 0)
);
CREATE UNIQUE INDEX app_user_username_idx ON app_user (username);

-- Sessions are opaque bearer tokens; only their hash is kept. Expiry is absolute (no sliding
-- renewal) so a stolen token has a bounded life. Rows are kept after revocation for forensics.
CREATE TABLE auth_session (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES app_user (id),
  token_hash   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  last_used_at timestamptz,
  ip           text,
  user_agent   text,
  CHECK (expires_at > created_at)
);
CREATE UNIQUE INDEX auth_session_token_idx ON auth_session (token_hash);
CREATE INDEX auth_session_user_idx ON auth_session (user_id) WHERE revoked_at IS NULL;

-- Wall screens: read-only, one unit (and what lies inside it), no expiry but revocable and
-- rotatable. The token itself is shown once at creation or rotation.
CREATE TABLE display_token (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  unit_code    text NOT NULL REFERENCES admin_unit (code),
  token_hash   text NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  rotated_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  last_used_at timestamptz
);
CREATE UNIQUE INDEX display_token_hash_idx ON display_token (token_hash);

-- Failed-login counters per username ('user:<name>') and per client address ('ip:<addr>'),
-- in the database so every API replica sees the same count.
CREATE TABLE auth_throttle (
  key               text PRIMARY KEY,
  failures          integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  window_started_at timestamptz NOT NULL DEFAULT now(),
  locked_until      timestamptz
);

-- The one-time token that creates the first administrator. A single row at most; it is
-- replaced at every start while no administrator exists and deleted when used.
CREATE TABLE auth_setup_token (
  id         smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The audit query filters by action (e.g. all failed logins in a period).
CREATE INDEX audit_log_action_idx ON audit_log (action, at);
