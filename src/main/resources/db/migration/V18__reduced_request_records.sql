-- F36: three years after closing, a request is reduced to a minimal log (reference, right, channel, dates, outcome,
-- steps) kept for accountability until its record is deleted; the subject's name goes with the rest.
ALTER TABLE dsr_request ADD COLUMN reduced_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dsr_request ALTER COLUMN subject_name DROP NOT NULL;
