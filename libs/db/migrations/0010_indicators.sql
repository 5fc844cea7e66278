-- Resolution 57 indicators: catalogue, plan targets, report feeds, submissions, reports, audit.
-- Plain PostgreSQL 15 (also PGlite): no extensions. Nothing is inserted here; the catalogue is
-- seeded by code (libs/indicators seedCatalogue) so that a re-seed never fights a migration.

-- Planning documents that set targets (Kế hoạch 63/KH-UBND, ...).
CREATE TABLE indicator_source (
  id          text PRIMARY KEY,
  title_vi    text NOT NULL,
  title_en    text NOT NULL,
  issuer_vi   text NOT NULL,
  unit_code   text NOT NULL,               -- area the document governs ('48', '75', '20275')
  issued_on   date,                        -- NULL when the draft leaves the date blank
  seed_file   text
);

CREATE TABLE indicator (
  code            text PRIMARY KEY,
  name_vi         text NOT NULL,
  name_en         text NOT NULL,
  domain          text NOT NULL,
  unit            text NOT NULL CHECK (unit IN ('percent', 'count', 'index', 'rank', 'per_10k_people',
                    'per_1k_people', 'per_person', 'percent_of_grdp', 'percent_of_budget',
                    'percent_per_year', 'milestone')),
  direction       text NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
  rollup          text NOT NULL CHECK (rollup IN ('ratio', 'sum', 'share_of_units', 'min', 'all', 'none')),
  numerator_vi    text,
  denominator_vi  text,
  measured_at     text[] NOT NULL CHECK (cardinality(measured_at) > 0
                    AND measured_at <@ ARRAY['province', 'commune']::text[]),
  lead_agency_vi  text NOT NULL,
  notes           text,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Several rows per indicator x unit x year are allowed on purpose: when two plans disagree
-- (5G coverage 2030: 100 % vs 99 %) both are kept and evaluated. unit_code has no foreign key
-- so the catalogue can be seeded before (or without) the administrative-unit import.
CREATE TABLE indicator_target (
  id          bigserial PRIMARY KEY,
  indicator   text NOT NULL REFERENCES indicator (code),
  unit_code   text NOT NULL,
  year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  op          text NOT NULL CHECK (op IN ('>=', '<=', '=', 'between', 'reached')),
  value       double precision,
  min         double precision,
  max         double precision,
  source      text REFERENCES indicator_source (id),
  ref         text,
  seed_key    text UNIQUE,                 -- set for catalogue targets: makes seeding idempotent
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  retired_at  timestamptz,                 -- soft delete: a re-seed must not resurrect it
  CHECK (
    (op IN ('>=', '<=', '=') AND value IS NOT NULL AND min IS NULL AND max IS NULL)
    OR (op = 'between' AND value IS NULL AND min IS NOT NULL AND max IS NOT NULL AND min <= max)
    OR (op = 'reached' AND value IS NULL AND min IS NULL AND max IS NULL)
  )
);
CREATE INDEX indicator_target_lookup_idx ON indicator_target (indicator, unit_code, year);

-- A department or ward system that submits reports with an API key (only its hash is kept).
CREATE TABLE feed (
  code                text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9_-]{1,63}$'),
  name                text NOT NULL,
  key_hash            text NOT NULL,       -- sha256 hex of the key, which is shown once
  key_rotated_at      timestamptz NOT NULL DEFAULT now(),
  cadence             text NOT NULL CHECK (cadence IN ('monthly', 'quarterly', 'yearly')),
  due_day             integer NOT NULL DEFAULT 10 CHECK (due_day BETWEEN 1 AND 28),
  allowed_indicators  text[],              -- NULL = any catalogue indicator
  allowed_units       text[],              -- NULL = any unit
  created_at          timestamptz NOT NULL DEFAULT now(),
  revoked_at          timestamptz
);

CREATE TABLE indicator_submission (
  id            bigserial PRIMARY KEY,
  feed          text NOT NULL REFERENCES feed (code),
  submitted_at  timestamptz NOT NULL,
  submitted_by  text NOT NULL,
  filename      text,
  content_type  text,
  row_count     integer NOT NULL CHECK (row_count >= 0),
  accepted      integer NOT NULL CHECK (accepted >= 0),
  rejected      integer NOT NULL CHECK (rejected >= 0),
  rejections    jsonb NOT NULL DEFAULT '[]'::jsonb   -- per-row reasons, as answered to the sender
);
CREATE INDEX indicator_submission_feed_idx ON indicator_submission (feed, submitted_at);

-- Every accepted row ever submitted. Re-submitting a period marks the previous row superseded
-- (kept as history); the current value is the one row per key with superseded_at IS NULL.
CREATE TABLE indicator_report (
  id             bigserial PRIMARY KEY,
  indicator      text NOT NULL REFERENCES indicator (code),
  unit_code      text NOT NULL REFERENCES admin_unit (code),
  period         text NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
  period_start   date NOT NULL,
  period_end     date NOT NULL,
  value          double precision NOT NULL,  -- for ratios: numerator / denominator x scale
  numerator      double precision,
  denominator    double precision,
  note           text,
  feed           text NOT NULL REFERENCES feed (code),
  submission_id  bigint NOT NULL REFERENCES indicator_submission (id),
  row_no         integer NOT NULL,
  submitted_at   timestamptz NOT NULL,
  superseded_by  bigint REFERENCES indicator_report (id),
  superseded_at  timestamptz,
  CHECK (period_start <= period_end),
  CHECK (superseded_by IS NULL OR superseded_at IS NOT NULL)
);
CREATE UNIQUE INDEX indicator_report_current_uq
  ON indicator_report (indicator, unit_code, period) WHERE superseded_at IS NULL;
CREATE INDEX indicator_report_unit_idx ON indicator_report (unit_code, indicator, period_start);
CREATE INDEX indicator_report_period_idx ON indicator_report (indicator, period) WHERE superseded_at IS NULL;
CREATE INDEX indicator_report_feed_idx ON indicator_report (feed, submitted_at);
CREATE INDEX indicator_report_submission_idx ON indicator_report (submission_id);

-- Who changed the catalogue or a target, why and when, with the row before and after.
CREATE TABLE indicator_change_log (
  id          bigserial PRIMARY KEY,
  changed_at  timestamptz NOT NULL DEFAULT now(),
  changed_by  text NOT NULL,
  reason      text NOT NULL,
  entity      text NOT NULL CHECK (entity IN ('indicator', 'target', 'source')),
  entity_key  text NOT NULL,
  action      text NOT NULL CHECK (action IN ('create', 'update', 'retire')),
  before      jsonb,
  after       jsonb
);
CREATE INDEX indicator_change_log_entity_idx ON indicator_change_log (entity, entity_key, changed_at);
