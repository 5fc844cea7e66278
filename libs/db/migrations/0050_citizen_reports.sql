-- Citizen reports (phản ánh hiện trường, libs/citizen): what residents report, the working-day
-- calendar their deadlines are counted on, every step taken on a case, the photos, and the apps
-- allowed to submit on a resident's behalf. Plain PostgreSQL 15 (also PGlite): no extensions;
-- gen_random_uuid() is core since PostgreSQL 13, as 0020 and 0030 use it.

-- What a resident may report; deadline_days counts working days (see work_holiday).
CREATE TABLE citizen_category (
  code           text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name_vi        text NOT NULL,
  name_en        text NOT NULL,
  icon           text NOT NULL,            -- an emoji, shown as is
  deadline_days  int NOT NULL CHECK (deadline_days BETWEEN 1 AND 60),
  active         boolean NOT NULL DEFAULT true,
  sort           int NOT NULL DEFAULT 0
);

INSERT INTO citizen_category (code, name_vi, name_en, icon, deadline_days, sort) VALUES
  ('den_duong', 'Đèn đường hư hỏng', 'Broken street light', '💡', 3, 10),
  ('ngap_nuoc', 'Ngập nước', 'Flooding', '🌊', 2, 20),
  ('rac_thai', 'Rác thải, vệ sinh môi trường', 'Rubbish and sanitation', '🗑️', 3, 30),
  ('lan_chiem', 'Lấn chiếm vỉa hè, lòng đường', 'Blocked pavement or road', '🚧', 5, 40),
  ('tieng_on', 'Tiếng ồn', 'Noise', '🔊', 5, 50),
  ('duong_hu_hong', 'Đường sá hư hỏng', 'Damaged road', '🕳️', 7, 60),
  ('cay_xanh', 'Cây xanh gãy đổ', 'Fallen tree', '🌳', 2, 70),
  ('an_ninh', 'An ninh trật tự', 'Public order', '🚨', 3, 80),
  ('khac', 'Khác', 'Other', '📝', 10, 90);

-- Public holidays of the Vietnamese calendar. Saturdays and Sundays are never working days and
-- are not listed; a holiday row on a weekend is harmless. The name is generic on purpose
-- (reporting and dossiers may count working days too); libs/citizen owns it for now.
--
-- 2026 as announced (Tết Bính Ngọ 14–22/2 with its weekends; Giỗ Tổ on Sunday 26/4, Monday 27/4
-- in compensation). 2027 from the Labour Code art. 112; the days of Tết Đinh Mùi (lunar new year
-- Saturday 6/2/2027) are provisional, and so are compensatory days for holidays falling on a
-- weekend (1/5/2027 is a Saturday). The ministry's yearly notice may move days: administrators
-- edit them (PUT/DELETE /api/v1/work-holidays, `ioc citizen holidays`).
CREATE TABLE work_holiday (
  day      date PRIMARY KEY,
  name_vi  text NOT NULL,
  name_en  text NOT NULL
);

INSERT INTO work_holiday (day, name_vi, name_en) VALUES
  ('2026-01-01', 'Tết Dương lịch', 'New Year''s Day'),
  ('2026-02-14', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'),
  ('2026-02-15', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'),
  ('2026-02-16', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'),
  ('2026-02-17', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'),
  ('2026-02-18', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'),
  ('2026-02-19', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'),
  ('2026-02-20', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'),
  ('2026-02-21', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'),
  ('2026-02-22', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'),
  ('2026-04-26', 'Giỗ Tổ Hùng Vương', 'Hung Kings'' Commemoration Day'),
  ('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Hung Kings'' Commemoration (day in lieu)'),
  ('2026-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước', 'Reunification Day'),
  ('2026-05-01', 'Ngày Quốc tế Lao động', 'International Workers'' Day'),
  ('2026-09-01', 'Quốc khánh', 'National Day'),
  ('2026-09-02', 'Quốc khánh', 'National Day'),
  ('2027-01-01', 'Tết Dương lịch', 'New Year''s Day'),
  ('2027-02-05', 'Tết Nguyên đán Đinh Mùi (dự kiến)', 'Lunar New Year (Tết, provisional)'),
  ('2027-02-06', 'Tết Nguyên đán Đinh Mùi (dự kiến)', 'Lunar New Year (Tết, provisional)'),
  ('2027-02-07', 'Tết Nguyên đán Đinh Mùi (dự kiến)', 'Lunar New Year (Tết, provisional)'),
  ('2027-02-08', 'Tết Nguyên đán Đinh Mùi (dự kiến)', 'Lunar New Year (Tết, provisional)'),
  ('2027-02-09', 'Tết Nguyên đán Đinh Mùi (dự kiến)', 'Lunar New Year (Tết, provisional)'),
  ('2027-04-16', 'Giỗ Tổ Hùng Vương', 'Hung Kings'' Commemoration Day'),
  ('2027-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước', 'Reunification Day'),
  ('2027-05-01', 'Ngày Quốc tế Lao động', 'International Workers'' Day'),
  ('2027-09-01', 'Quốc khánh', 'National Day'),
  ('2027-09-02', 'Quốc khánh', 'National Day');

-- One submission. A duplicate (duplicate_of set) is kept as a row but is not a case: no queue,
-- no deadline alerts, no stats. reporter_name, reporter_phone, client_key and source are
-- personal or identifying: never in a public view.
CREATE TABLE citizen_report (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code             text NOT NULL UNIQUE CHECK (code ~ '^PA[0-9A-HJKMNP-TV-Z]{10}$'),  -- tracking code
  category_code    text NOT NULL REFERENCES citizen_category (code),
  description      text NOT NULL,
  lat              double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon              double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  unit_code        text NOT NULL REFERENCES admin_unit (code),
  status           text NOT NULL DEFAULT 'received'
                     CHECK (status IN ('received', 'assigned', 'in_progress', 'resolved', 'rejected')),
  moderation       text NOT NULL DEFAULT 'ok' CHECK (moderation IN ('ok', 'spam')),
  duplicate_of     uuid REFERENCES citizen_report (id),
  supporters       int NOT NULL DEFAULT 0 CHECK (supporters >= 0),   -- linked duplicates
  reporter_name    text,
  reporter_phone   text,
  client_key       text NOT NULL,           -- sha256 of the client IP, or 'app:<id>'
  source           text NOT NULL,           -- 'web' | 'app:<appId>'
  external_id      text,                    -- an app's own id of the submission
  office_id        text REFERENCES office (id),
  assignee         text,
  received_at      timestamptz NOT NULL,
  deadline_at      timestamptz NOT NULL,
  resolved_at      timestamptz,
  resolution_note  text,
  reject_reason    text,
  rating           smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment   text,
  rated_at         timestamptz,
  reopen_count     int NOT NULL DEFAULT 0,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX citizen_report_unit_status_idx ON citizen_report (unit_code, status);
CREATE INDEX citizen_report_received_idx ON citizen_report (received_at);
CREATE INDEX citizen_report_nearby_idx ON citizen_report (category_code, lat, lon);
CREATE INDEX citizen_report_resolved_idx ON citizen_report (resolved_at) WHERE resolved_at IS NOT NULL;
-- An app resubmitting the same submission gets the case it already made.
CREATE UNIQUE INDEX citizen_report_external_uq ON citizen_report (source, external_id)
  WHERE external_id IS NOT NULL;

-- Photos, re-encoded to JPEG without metadata: the resident's and the handler's after-photos.
CREATE TABLE citizen_photo (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id     uuid NOT NULL REFERENCES citizen_report (id),
  kind          text NOT NULL CHECK (kind IN ('report', 'resolution')),
  content_type  text NOT NULL,
  width         int NOT NULL,
  height        int NOT NULL,
  data          bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX citizen_photo_report_idx ON citizen_photo (report_id, created_at);

-- Every step on a case. public = shown on the tracking page (status changes with their public
-- note); comments and moderation are internal.
CREATE TABLE citizen_event (
  id           bigserial PRIMARY KEY,
  report_id    uuid NOT NULL REFERENCES citizen_report (id),
  at           timestamptz NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('received', 'assigned', 'started', 'commented',
                 'resolved', 'rejected', 'transferred', 'reopened', 'rated', 'marked_spam',
                 'unmarked_spam', 'duplicate_linked')),
  actor        text NOT NULL,
  actor_name   text,
  from_status  text,
  to_status    text,
  unit_code    text NOT NULL,
  note         text,
  public       boolean NOT NULL DEFAULT false
);
CREATE INDEX citizen_event_report_idx ON citizen_event (report_id, id);

-- Apps submitting on a resident's behalf: key `ioca_…`, only its sha256 kept, shown once.
CREATE TABLE citizen_app (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name        text NOT NULL,
  key_hash    text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

-- The two platform indicators libs/citizen computes per ward and month (numerator/denominator
-- rows through the built-in feed `phan-anh-hien-truong`); provinces roll up as ratios.
INSERT INTO indicator (code, name_vi, name_en, domain, unit, direction, rollup, numerator_vi,
                       denominator_vi, measured_at, lead_agency_vi, notes) VALUES
  ('svc.citizen_report_ontime',
   'Tỷ lệ phản ánh hiện trường được xử lý đúng hạn', 'Citizen reports resolved on time',
   'smart_city', 'percent', 'higher_is_better', 'ratio',
   'Số phản ánh được giải quyết trong tháng, không muộn hơn hạn xử lý',
   'Số phản ánh được giải quyết trong tháng',
   ARRAY['province', 'commune'], 'Trung tâm Giám sát, điều hành đô thị thông minh (IOC)',
   'Computed by the platform from citizen reports (libs/citizen): deadlines in working days on the Vietnamese calendar; spam and duplicates excluded.'),
  ('svc.citizen_report_satisfaction',
   'Tỷ lệ người dân hài lòng với kết quả xử lý phản ánh', 'Residents satisfied with the handling',
   'smart_city', 'percent', 'higher_is_better', 'ratio',
   'Số đánh giá từ 4 sao trở lên (trên 5) trong tháng',
   'Số đánh giá của người dân trong tháng',
   ARRAY['province', 'commune'], 'Trung tâm Giám sát, điều hành đô thị thông minh (IOC)',
   'Computed by the platform from residents'' ratings (1–5) after resolution; satisfied = 4 or 5.')
ON CONFLICT (code) DO NOTHING;
