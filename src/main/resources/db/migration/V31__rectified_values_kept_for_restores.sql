-- A corrected value is written again if a company system is restored from a backup taken before the correction
-- (F35): until the last such backup is gone (kept_until), the value stays here after its jobs have written it. The
-- change log names the records and the column; this table holds the value only, and record retention removes it.
CREATE TABLE rectified_value (
  request_id  BIGINT        NOT NULL PRIMARY KEY REFERENCES dsr_request (id) ON DELETE CASCADE,
  column_name VARCHAR(128)  NOT NULL,
  new_value   VARCHAR(1000) NOT NULL,
  kept_until  DATE          NOT NULL
);
