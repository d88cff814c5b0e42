-- A submission that names several rights becomes one request per right (each with its own reference and process);
-- the requests of one submission share the reference of its first request here, so each record can name the others.
ALTER TABLE dsr_request ADD COLUMN submission_reference VARCHAR(20);

CREATE INDEX dsr_request_submission ON dsr_request (submission_reference);
