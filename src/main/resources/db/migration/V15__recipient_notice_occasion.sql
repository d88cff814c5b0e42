-- A recipient can be told more than once of the same kind of change in one request: each erasure scheduled for the
-- end of a retention period (one per period) is its own notice (Art 19). The occasion is the day of that erasure;
-- empty for the notices of the request itself.
ALTER TABLE recipient_notice ADD COLUMN occasion VARCHAR(10) DEFAULT '' NOT NULL;
ALTER TABLE recipient_notice DROP CONSTRAINT recipient_notice_once;
ALTER TABLE recipient_notice ADD CONSTRAINT recipient_notice_once UNIQUE (request_id, recipient_id, action, occasion);
