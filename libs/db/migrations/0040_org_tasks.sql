-- Offices below a unit, and plan tasks with their progress updates and evidence files
-- (libs/org, libs/tasks). Plain PostgreSQL 15 (also PGlite): no extensions. The task catalogue
-- is seeded by code (libs/tasks TaskSeedService), keyed by task code, never by this file.

-- A department or office of a unit (Sở KH&CN of the province, Phòng Văn hóa – Xã hội of a ward).
-- id is `<unit_code>.<slug>`; unit_code has no foreign key, as indicator targets, so offices can
-- be seeded before (or without) the boundary import.
CREATE TABLE office (
  id           text PRIMARY KEY CHECK (id ~ '^[0-9]{2}([0-9]{3})?\.[a-z0-9][a-z0-9-]*$'),
  unit_code    text NOT NULL,
  name_vi      text NOT NULL,
  name_en      text,
  kind         text NOT NULL DEFAULT 'other' CHECK (kind IN ('department', 'people_committee_office',
                 'culture_society', 'public_service_center', 'police', 'economic', 'other')),
  is_compiler  boolean NOT NULL DEFAULT false,  -- compiles its unit's reports (the ward's VH-XH)
  email        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  retired_at   timestamptz
);
CREATE INDEX office_unit_idx ON office (unit_code);

-- A user belongs to one office at most (the primary key says so).
CREATE TABLE office_member (
  username    text PRIMARY KEY,
  office_id   text NOT NULL REFERENCES office (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX office_member_office_idx ON office_member (office_id);

-- The plans tasks come from (same ids as indicator_source where a plan is in both catalogues).
CREATE TABLE task_source (
  id          text PRIMARY KEY,
  title_vi    text NOT NULL,
  title_en    text NOT NULL,
  issuer_vi   text NOT NULL,
  area_code   text NOT NULL,
  issued_on   date,
  seed_file   text
);

CREATE TABLE task (
  id                   bigserial PRIMARY KEY,
  code                 text NOT NULL UNIQUE,          -- catalogue code, or local/<id>
  source               text REFERENCES task_source (id),
  number               text,
  group_vi             text,
  parent_vi            text,
  title_vi             text NOT NULL,
  title_en             text,
  detail_vi            text,
  area_code            text NOT NULL,                 -- the unit whose plan assigns it
  lead_unit_code       text NOT NULL,                 -- scope: who may read and work it
  lead_office_id       text REFERENCES office (id),
  lead_vi              text,                          -- the lead as printed
  lead_uncertain       boolean NOT NULL DEFAULT false,
  cooperating_vi       text,
  cooperating_units    text[] NOT NULL DEFAULT '{}',
  cooperating_offices  text[] NOT NULL DEFAULT '{}',
  supervisor_vi        text,
  period_vi            text,
  due_date             date,
  recurring            boolean NOT NULL DEFAULT false,
  cadence              text CHECK (cadence IN ('annual', 'semiannual', 'quarterly', 'monthly',
                         'continuous')),
  product_vi           text,
  kpi_vi               text,
  related_indicators   text[] NOT NULL DEFAULT '{}',
  ref                  text,
  notes                text,
  -- 'overdue' is never stored: it is computed from due_date and today in Vietnam.
  status               text NOT NULL DEFAULT 'not_started'
                         CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
  progress             integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  cancel_reason        text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  completed_at         timestamptz,
  cancelled_at         timestamptz
);
CREATE INDEX task_lead_unit_idx ON task (lead_unit_code);
CREATE INDEX task_lead_office_idx ON task (lead_office_id);
CREATE INDEX task_due_idx ON task (due_date);

CREATE TABLE task_update (
  id        bigserial PRIMARY KEY,
  task_id   bigint NOT NULL REFERENCES task (id),
  at        timestamptz NOT NULL DEFAULT now(),
  actor     text NOT NULL,
  progress  integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
  status    text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
  note      text NOT NULL DEFAULT '',
  period    text NOT NULL                               -- YYYY-MM of `at` in Vietnam
);
CREATE INDEX task_update_task_idx ON task_update (task_id, at);
CREATE INDEX task_update_period_idx ON task_update (period);

-- Evidence files are kept in the database (bytea) so a backup of it is a backup of everything;
-- the service caps each at 10 MiB and five per update.
CREATE TABLE task_evidence (
  id            bigserial PRIMARY KEY,
  task_id       bigint NOT NULL REFERENCES task (id),
  update_id     bigint NOT NULL REFERENCES task_update (id),
  filename      text NOT NULL,
  content_type  text NOT NULL,
  size_bytes    integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256        text NOT NULL,
  data          bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  actor         text NOT NULL
);
CREATE INDEX task_evidence_update_idx ON task_evidence (update_id);
