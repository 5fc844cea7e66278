-- Pull connectors (issue 16, libs/connectors): department systems behind the province's LGSP
-- (REST JSON, CSV exports, XML/SOAP) synced on a schedule from a stored watermark.
CREATE TABLE connector (
  id                    text PRIMARY KEY,
  name                  text NOT NULL,
  department            text NOT NULL,
  -- Source, paging, watermark and mapping as declared data (validated by @ioc/contracts).
  source                jsonb NOT NULL,
  mapping               jsonb NOT NULL,
  -- Auth profile without its secrets: kind, app name, header names, token URL, client id, user.
  auth                  jsonb NOT NULL,
  schedule              text,
  rate_limit_per_minute integer NOT NULL CHECK (rate_limit_per_minute > 0),
  max_retries           integer NOT NULL CHECK (max_retries >= 0),
  paused                boolean NOT NULL DEFAULT false,
  -- The newest value of the watermark field among records committed so far (text as the source
  -- wrote it, compared as a timestamp); advanced only after a page is committed.
  watermark             text,
  -- Source field names seen so far (schema drift is measured against them).
  known_fields          text[] NOT NULL DEFAULT '{}',
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- The auth profile's secrets, AES-256-GCM encrypted with CONNECTOR_SECRET_KEY (iv:tag:ciphertext,
-- base64). A table of its own: no query that answers a route selects it.
CREATE TABLE connector_secret (
  connector_id  text PRIMARY KEY REFERENCES connector (id) ON DELETE CASCADE,
  sealed        text NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE connector_run (
  id                bigserial PRIMARY KEY,
  connector_id      text NOT NULL REFERENCES connector (id) ON DELETE CASCADE,
  trigger           text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  started_at        timestamptz NOT NULL,
  finished_at       timestamptz,
  status            text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  pages             integer NOT NULL DEFAULT 0,
  records_in        integer NOT NULL DEFAULT 0,
  records_upserted  integer NOT NULL DEFAULT 0,
  records_rejected  integer NOT NULL DEFAULT 0,
  watermark_from    text,
  watermark_to      text,
  -- Seconds between the run's end and the newest source record it saw (lag behind the source).
  lag_seconds       double precision,
  fields_added      text[] NOT NULL DEFAULT '{}',
  fields_removed    text[] NOT NULL DEFAULT '{}',
  error             text
);
CREATE INDEX connector_run_connector_idx ON connector_run (connector_id, started_at DESC);

-- Every source record a run could not map or store, with its reason and a bounded excerpt.
CREATE TABLE connector_dead_letter (
  id            bigserial PRIMARY KEY,
  run_id        bigint NOT NULL REFERENCES connector_run (id) ON DELETE CASCADE,
  connector_id  text NOT NULL REFERENCES connector (id) ON DELETE CASCADE,
  reason        text NOT NULL,
  detail        text,
  record        text,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connector_dead_letter_run_idx ON connector_dead_letter (run_id);

-- The platform's own feed for indicator values a connector maps (libs/indicators
-- recordComputed); its key hash matches no key, so nothing outside reports in its name.
INSERT INTO feed (code, name, key_hash, cadence, due_day, allowed_indicators, allowed_units)
VALUES ('ket-noi-he-thong', 'Kết nối hệ thống sở, ngành (đồng bộ tự động)', '-', 'monthly', 10,
        NULL, NULL)
ON CONFLICT (code) DO NOTHING;
