-- Public-service dossiers (issue 16, libs/dossiers): records synced by a connector or pushed.
CREATE TABLE dossier (
  code                 text PRIMARY KEY,
  procedure_code       text NOT NULL,
  field_code           text NOT NULL,
  unit_code            text NOT NULL REFERENCES admin_unit (code),
  received_at          timestamptz NOT NULL,
  due_at               timestamptz NOT NULL,
  finished_at          timestamptz,
  online_full_process  boolean NOT NULL,
  status               text NOT NULL,
  officer              text,
  officer_email        text,
  -- Who wrote the current version: 'connector-run:<id>' or 'push:<actor>' (indicator lineage).
  source               text NOT NULL,
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_unit_due_idx ON dossier (unit_code, due_at);
CREATE INDEX dossier_open_due_idx ON dossier (due_at) WHERE finished_at IS NULL;

-- Each early warning is claimed here (UNIQUE) before it is sent: exactly once per dossier,
-- recipient and channel, across ticks and API processes.
CREATE TABLE dossier_warning (
  id           bigserial PRIMARY KEY,
  dossier_code text NOT NULL REFERENCES dossier (code) ON DELETE CASCADE,
  recipient    text NOT NULL CHECK (recipient IN ('officer', 'leader')),
  channel      text NOT NULL CHECK (channel IN ('email', 'webhook')),
  target       text NOT NULL,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  error        text,
  at           timestamptz NOT NULL,
  UNIQUE (dossier_code, recipient, channel)
);

-- The platform's feed for the online-processing indicators computed from dossier records.
INSERT INTO feed (code, name, key_hash, cadence, due_day, allowed_indicators, allowed_units)
VALUES ('dich-vu-cong', 'Hồ sơ dịch vụ công (tính trên nền tảng)', '-', 'monthly', 10,
        ARRAY['dx.dossiers_processed_online', 'dx.full_process_online_services'], NULL)
ON CONFLICT (code) DO NOTHING;

-- Overdue dossiers as work alerts (libs/live work-alerts, key `dossier:<code>` in alert.device_id
-- like the other work kinds of 0048 and 0051).
ALTER TABLE alert_rule DROP CONSTRAINT alert_rule_kind_check;
ALTER TABLE alert_rule ADD CONSTRAINT alert_rule_kind_check
  CHECK (kind IN ('threshold', 'levels', 'rate', 'no_data', 'aqi', 'task_overdue', 'report_late',
                  'citizen_overdue', 'dossier_overdue'));
