-- Alert rules on citizen reports (phản ánh hiện trường, libs/live work-alerts): `citizen_overdue`
-- opens one alert per case past its deadline, key `citizen:<code>` in alert.device_id like the
-- other work kinds of 0048.
ALTER TABLE alert_rule DROP CONSTRAINT alert_rule_kind_check;
ALTER TABLE alert_rule ADD CONSTRAINT alert_rule_kind_check
  CHECK (kind IN ('threshold', 'levels', 'rate', 'no_data', 'aqi', 'task_overdue', 'report_late',
                  'citizen_overdue'));

-- The platform's own feed for the citizen-report indicators (libs/citizen computes them per ward
-- and month; libs/indicators ReportIntakeService.recordComputed stores them as a report of this
-- feed, with history). Its key hash is no SHA-256 hex, so no key ever matches it: nothing outside
-- the platform can report in its name. Rotating its key in the admin UI would change that.
INSERT INTO feed (code, name, key_hash, cadence, due_day, allowed_indicators, allowed_units)
VALUES ('phan-anh-hien-truong', 'Phản ánh hiện trường (tính trên nền tảng)', '-', 'monthly', 10,
        ARRAY['svc.citizen_report_ontime', 'svc.citizen_report_satisfaction'], NULL)
ON CONFLICT (code) DO NOTHING;
