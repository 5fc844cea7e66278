-- The physical wall behind a wall config (libs/contracts WallDisplay): panel size and count,
-- viewing distance and text scale, from which the wall sizes its text (issue 20.1). NULL: the
-- default 2×2 of 55" read from 5 m.
ALTER TABLE wall_config ADD COLUMN display jsonb;
