-- F25 (issue 13): a withdrawal of consent names the consents withdrawn (comma-separated ids of the consents the
-- company systems declare); null means every consent, as before the subject could choose.
ALTER TABLE dsr_request ADD COLUMN consents VARCHAR(500);
