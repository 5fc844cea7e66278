-- The monthly reporting cycle (libs/reporting): who reports how often and by which day, one row
-- per reporter and period with its state, every step taken on it, and every reminder sent.
-- Plain PostgreSQL 15 (also PGlite): no extensions. Offices come from 0040 (libs/org).

-- A reporter: a unit itself (office_id NULL) or one office of it. The compiling office (the
-- ward's Phòng Văn hóa – Xã hội) reviews. unit_code has no foreign key, as office.unit_code:
-- schedules may be set up before the boundary import.
CREATE TABLE report_schedule (
  id                 bigserial PRIMARY KEY,
  unit_code          text NOT NULL,
  office_id          text REFERENCES office (id),
  cadence            text NOT NULL DEFAULT 'monthly' CHECK (cadence IN ('monthly', 'quarterly', 'yearly')),
  due_day            int NOT NULL DEFAULT 15 CHECK (due_day BETWEEN 1 AND 28),
  remind_days        int[] NOT NULL DEFAULT '{5,1}',
  emails             text[] NOT NULL DEFAULT '{}',
  webhook_url        text,
  compiler_office_id text REFERENCES office (id),
  active             boolean NOT NULL DEFAULT true,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
-- UNIQUE (unit_code, office_id) would let two NULL offices through; COALESCE closes that gap.
CREATE UNIQUE INDEX report_schedule_reporter_idx ON report_schedule (unit_code, COALESCE(office_id, ''));

-- One reporter's report for one period. due_date: due_day of the month after the period.
-- `late` is computed (past due_date and still open/returned/reopened), never stored.
CREATE TABLE report_period (
  id              bigserial PRIMARY KEY,
  schedule_id     bigint NOT NULL REFERENCES report_schedule (id),
  period          text NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
  period_start    date NOT NULL,
  period_end      date NOT NULL,
  due_date        date NOT NULL,
  state           text NOT NULL DEFAULT 'open'
                    CHECK (state IN ('open', 'submitted', 'returned', 'approved', 'reopened')),
  submitted_at    timestamptz,
  submitted_by    text,
  returned_reason text,
  approved_at     timestamptz,
  approved_by     text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (schedule_id, period),
  CHECK (period_end >= period_start AND due_date > period_end)
);
CREATE INDEX report_period_due_idx ON report_period (due_date, state);

-- Every step on a period, who took it and why (the audit log holds the same, across the platform).
CREATE TABLE report_event (
  id         bigserial PRIMARY KEY,
  period_id  bigint NOT NULL REFERENCES report_period (id),
  at         timestamptz NOT NULL DEFAULT now(),
  actor      text NOT NULL,
  action     text NOT NULL CHECK (action IN ('submit', 'return', 'approve', 'reopen')),
  reason     text
);
CREATE INDEX report_event_period_idx ON report_event (period_id, at);

-- Reminders and late notices. The UNIQUE row is the claim: whichever API process inserts it
-- sends, so each reminder goes at most once per channel and target even with several replicas.
CREATE TABLE report_reminder (
  id           bigserial PRIMARY KEY,
  period_id    bigint NOT NULL REFERENCES report_period (id),
  kind         text NOT NULL CHECK (kind IN ('reminder', 'late')),
  days_before  int NOT NULL,
  channel      text NOT NULL CHECK (channel IN ('email', 'webhook')),
  target       text NOT NULL,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  error        text,
  at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (period_id, kind, days_before, channel, target)
);
