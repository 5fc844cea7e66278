-- Notifications to people (issue 20.2). A user may have an e-mail address: an alert handed to
-- them is mailed there. Optional (many ward accounts are shared tablets with no mailbox) and not
-- unique (two roles of one official may share a mailbox).
-- A phone number (E.164, +84…) for the SMS/Zalo gateway, optional too.
ALTER TABLE app_user
  ADD COLUMN email text CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%')),
  ADD COLUMN phone text CHECK (phone IS NULL OR phone ~ '^\+[1-9][0-9]{6,14}$');

-- Each user's own choices: which channels, from which severity up, and quiet hours as local
-- Asia/Ho_Chi_Minh wall-clock minutes since midnight (start > end crosses midnight). A user
-- without a row gets the defaults (every channel, every severity, no quiet hours).
CREATE TABLE notification_preference (
  user_id      uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  email        boolean NOT NULL DEFAULT true,
  push         boolean NOT NULL DEFAULT true,
  sms          boolean NOT NULL DEFAULT false,
  min_severity text NOT NULL DEFAULT 'info'
               CHECK (min_severity IN ('info', 'warning', 'critical', 'emergency')),
  quiet_start  smallint CHECK (quiet_start BETWEEN 0 AND 1439),
  quiet_end    smallint CHECK (quiet_end BETWEEN 0 AND 1439),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notification_preference_quiet CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);

-- Web Push subscriptions (RFC 8030/8291) of a user's installed apps, one per browser endpoint.
-- A push service answering 404/410 deletes the row: the browser dropped the subscription.
CREATE TABLE push_subscription (
  id         bigserial PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  endpoint   text NOT NULL UNIQUE CHECK (length(endpoint) <= 2048),
  p256dh     text NOT NULL,
  auth       text NOT NULL,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX push_subscription_user ON push_subscription (user_id);

-- The platform's VAPID key pair (RFC 8292) when the config gives none: generated once by the
-- first process that needs it and shared by every replica, so subscriptions survive restarts.
CREATE TABLE vapid_key (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  public_key  text NOT NULL,
  private_key text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
