-- Alert rules on plan tasks and reporting periods (libs/live work-alerts): `task_overdue` and
-- `report_late`. Their per-key memory reuses alert_rule_state with device_id = the signal key
-- (e.g. `task:<code>`), and their alerts carry that key in alert.device_id (no foreign key).
ALTER TABLE alert_rule DROP CONSTRAINT alert_rule_kind_check;
ALTER TABLE alert_rule ADD CONSTRAINT alert_rule_kind_check
  CHECK (kind IN ('threshold', 'levels', 'rate', 'no_data', 'aqi', 'task_overdue', 'report_late'));
