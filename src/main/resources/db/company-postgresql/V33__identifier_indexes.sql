-- The indexes the lookup of a person can use (docs/operations.md, "Company systems: indexes and timeouts"): on the
-- lookup's own expressions for the e-mail address and the phone, and trigram indexes (pg_trgm) on the lower-cased
-- name and other kinds, which the lookup searches for words within (LIKE '%jens%hansen%'). Without them every lookup
-- reads every declared table, and the start-up check warns. H2 can make neither kind, so the demo on H2 has none.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX contact_person_email_lookup ON contact_person (LOWER(TRIM(email)));
CREATE INDEX contact_person_phone_lookup ON contact_person (REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
  phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', ''), '/', ''));
CREATE INDEX support_case_reporter_email_lookup ON support_case (LOWER(TRIM(reporter_email)));
CREATE INDEX course_participant_email_lookup ON course_participant (LOWER(TRIM(email)));
CREATE INDEX course_participant_phone_lookup ON course_participant (REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
  REPLACE(phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', ''), '/', ''));
CREATE INDEX course_evaluation_respondent_email_lookup ON course_evaluation (LOWER(TRIM(respondent_email)));
CREATE INDEX newsletter_subscriber_email_lookup ON newsletter_subscriber (LOWER(TRIM(email)));
CREATE INDEX cookie_consent_signup_email_lookup ON cookie_consent (LOWER(TRIM(signup_email)));
CREATE INDEX invoice_contact_email_lookup ON invoice (LOWER(TRIM(contact_email)));

-- The operator class by the schema the extension lives in: a database may have it in a schema off the search path.
DO $$
DECLARE
  trigram text := (SELECT quote_ident(n.nspname) || '.gin_trgm_ops' FROM pg_extension e
                   JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
  EXECUTE 'CREATE INDEX contact_person_name_lookup ON contact_person USING gin (LOWER(full_name) ' || trigram || ')';
  EXECUTE 'CREATE INDEX contact_person_postal_address_lookup ON contact_person USING gin (LOWER(postal_address) '
    || trigram || ')';
  EXECUTE 'CREATE INDEX support_case_reporter_name_lookup ON support_case USING gin (LOWER(reporter_name) '
    || trigram || ')';
  EXECUTE 'CREATE INDEX course_participant_name_lookup ON course_participant USING gin (LOWER(full_name) '
    || trigram || ')';
  EXECUTE 'CREATE INDEX course_participant_company_lookup ON course_participant USING gin (LOWER(company_name) '
    || trigram || ')';
  EXECUTE 'CREATE INDEX newsletter_subscriber_name_lookup ON newsletter_subscriber USING gin (LOWER(full_name) '
    || trigram || ')';
  EXECUTE 'CREATE INDEX invoice_contact_name_lookup ON invoice USING gin (LOWER(contact_name) ' || trigram || ')';
END
$$;
