-- Wall scene configuration per administrative unit (libs/contracts wall.ts, libs/live wall/).
-- A unit without a row uses the built-in scenes (defaultWallScenes()).
CREATE TABLE wall_config (
  unit_code   text PRIMARY KEY REFERENCES admin_unit (code),
  rotate      boolean NOT NULL DEFAULT true,
  scenes      jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text NOT NULL
);
