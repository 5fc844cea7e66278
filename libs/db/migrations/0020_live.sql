-- Alerts: rules, alerts and their workflow, evaluator state, notifications, and the audit log.
-- Plain PostgreSQL 15+ and PGlite; the domain logic is in libs/live/src/alerts.

-- Rules. params/scope are validated by alertRuleSchema (libs/live) before they are written;
-- the CHECKs here only keep the enumerations honest. Rules are disabled, not deleted, while
-- alerts refer to them.
CREATE TABLE alert_rule (
  id                 text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  name               text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('threshold', 'levels', 'rate', 'no_data', 'aqi')),
  params             jsonb NOT NULL DEFAULT '{}'::jsonb,
  scope              jsonb NOT NULL DEFAULT '{}'::jsonb,   -- {unitCodes?, deviceKinds?, deviceIds?}
  severity           text NOT NULL DEFAULT 'warning'
                       CHECK (severity IN ('info', 'warning', 'critical', 'emergency')),
  auto_resolve       boolean NOT NULL DEFAULT true,
  escalate_after_min integer CHECK (escalate_after_min IS NULL OR escalate_after_min > 0),
  webhook_url        text,
  enabled            boolean NOT NULL DEFAULT true,
  created_by         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_rule_enabled_idx ON alert_rule (kind) WHERE enabled;

-- Alerts. device_id has no foreign key on purpose: an alert is a historical record and must
-- outlive a decommissioned device. assignee is 'user:<id>' or 'department:<code>'.
CREATE TABLE alert (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_id         text NOT NULL REFERENCES alert_rule (id),
  device_id       text,
  unit_code       text REFERENCES admin_unit (code),
  status          text NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open', 'acknowledged', 'in_progress', 'resolved', 'closed')),
  severity        text NOT NULL CHECK (severity IN ('info', 'warning', 'critical', 'emergency')),
  level           integer,
  value           double precision,
  message         text NOT NULL DEFAULT '',
  assignee        text CHECK (assignee IS NULL OR assignee ~ '^(user|department):.+'),
  opened_at       timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  resolved_at     timestamptz,
  closed_at       timestamptz,
  reopened_at     timestamptz,                 -- restarts the escalation clock
  last_value_at   timestamptz,                 -- time of the reading behind value
  escalations     integer NOT NULL DEFAULT 0 CHECK (escalations >= 0),
  escalated_at    timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'closed' OR closed_at IS NOT NULL),
  CHECK (status NOT IN ('resolved', 'closed') OR resolved_at IS NOT NULL)
);
-- One not-yet-resolved alert per rule × device: a repeated fire (two replicas, a lost rule
-- state) collides here instead of paging twice. coalesce makes device-less alerts unique too.
CREATE UNIQUE INDEX alert_one_active_idx ON alert (rule_id, coalesce(device_id, ''))
  WHERE status NOT IN ('resolved', 'closed');
-- The wall's lists: active alerts per unit, newest first; the escalation timer's scan.
CREATE INDEX alert_unit_status_idx ON alert (unit_code, status, opened_at DESC);
CREATE INDEX alert_open_idx ON alert (opened_at) WHERE status = 'open';
CREATE INDEX alert_rule_device_idx ON alert (rule_id, device_id, opened_at DESC);

CREATE TABLE alert_note (
  id         bigserial PRIMARY KEY,
  alert_id   uuid NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
  author     text NOT NULL,
  body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_note_alert_idx ON alert_note (alert_id, created_at);

-- Evaluator memory per rule × device (ruleStateSchema in libs/live). device_id '' for rules
-- that are not per device.
CREATE TABLE alert_rule_state (
  rule_id    text NOT NULL REFERENCES alert_rule (id) ON DELETE CASCADE,
  device_id  text NOT NULL DEFAULT '',
  state      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rule_id, device_id)
);

-- Who did what. Append-only: the trigger below refuses UPDATE and DELETE for every role, so
-- the trail cannot be edited after the fact even by the application's own database user.
-- (TRUNCATE is left to the table owner's maintenance; revoke it from the application role.)
-- actor_kind: user | system | machine (device, gateway, department feed).
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  actor_kind  text NOT NULL CHECK (actor_kind IN ('user', 'system', 'machine')),
  action      text NOT NULL,
  target_kind text NOT NULL,
  target_id   text,
  unit_code   text,
  ip          text,
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_target_idx ON audit_log (target_kind, target_id, at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Notification delivery (webhook, e-mail, SMS, ...), one row per attempt; a failed attempt
-- carries next_at for the retry scheduler.
CREATE TABLE notification_attempt (
  id       bigserial PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
  channel  text NOT NULL,
  target   text NOT NULL,
  attempt  integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  status   text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'gave_up')),
  error    text,
  at       timestamptz NOT NULL DEFAULT now(),
  next_at  timestamptz
);
CREATE INDEX notification_attempt_alert_idx ON notification_attempt (alert_id, at);
CREATE INDEX notification_attempt_due_idx ON notification_attempt (next_at)
  WHERE status IN ('pending', 'failed');
