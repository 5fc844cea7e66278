-- How the catalogue's metrics are shown (issue 20.3): units as printed in each language, the
-- number of decimals worth reading, and the national limit a live value is judged against.
-- Limits are the regulations' own figures with their averaging period, so a card can say
-- "QCVN 05:2023, 1 h" next to a value; a metric without a national limit keeps NULL.
ALTER TABLE metric
  ADD COLUMN unit_vi        text,
  ADD COLUMN unit_en        text,
  ADD COLUMN decimals       smallint NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 6),
  ADD COLUMN limit_value    double precision,
  ADD COLUMN limit_basis_vi text,
  ADD COLUMN limit_basis_en text,
  ADD CONSTRAINT metric_limit_basis CHECK (
    (limit_value IS NULL) = (limit_basis_vi IS NULL) AND (limit_value IS NULL) = (limit_basis_en IS NULL)
  );

UPDATE metric SET unit_vi = uom, unit_en = uom;
UPDATE metric SET unit_vi = 'xe', unit_en = 'vehicles' WHERE code = 'vehicle_count';
UPDATE metric SET unit_vi = 'người dùng', unit_en = 'clients' WHERE code = 'wifi_clients';
UPDATE metric SET unit_vi = '', unit_en = '' WHERE uom = 'bool';

UPDATE metric SET decimals = 0 WHERE code IN (
  'pm25', 'pm10', 'o3', 'no2', 'so2', 'co', 'humidity', 'pressure', 'wind_direction',
  'vehicle_count', 'avg_speed', 'occupancy', 'energy_kwh', 'wifi_clients', 'wifi_up',
  'speaker_up', 'heading', 'battery', 'rssi');
UPDATE metric SET decimals = 2 WHERE code IN ('water_level', 'battery_v');

-- QCVN 05:2023/BTNMT (ambient air): 1-hour limits for the gases, the 24-hour limit for PM2.5.
UPDATE metric SET limit_value = 350, limit_basis_vi = 'QCVN 05:2023/BTNMT, trung bình 1 giờ',
  limit_basis_en = 'QCVN 05:2023/BTNMT, 1-hour average' WHERE code = 'so2';
UPDATE metric SET limit_value = 30000, limit_basis_vi = 'QCVN 05:2023/BTNMT, trung bình 1 giờ',
  limit_basis_en = 'QCVN 05:2023/BTNMT, 1-hour average' WHERE code = 'co';
UPDATE metric SET limit_value = 200, limit_basis_vi = 'QCVN 05:2023/BTNMT, trung bình 1 giờ',
  limit_basis_en = 'QCVN 05:2023/BTNMT, 1-hour average' WHERE code IN ('no2', 'o3');
UPDATE metric SET limit_value = 50, limit_basis_vi = 'QCVN 05:2023/BTNMT, trung bình 24 giờ',
  limit_basis_en = 'QCVN 05:2023/BTNMT, 24-hour average' WHERE code = 'pm25';
-- QCVN 26:2010/BTNMT (noise): ordinary areas, 6:00–21:00.
UPDATE metric SET limit_value = 70, limit_basis_vi = 'QCVN 26:2010/BTNMT, khu vực thông thường, 6–21 giờ',
  limit_basis_en = 'QCVN 26:2010/BTNMT, ordinary areas, 6:00–21:00' WHERE code = 'noise_laeq';

ALTER TABLE metric ALTER COLUMN unit_vi SET NOT NULL, ALTER COLUMN unit_en SET NOT NULL;
