-- The newsletter never takes an address that objected to marketing or withdrew its consent: a sign-up whose
-- address is on the suppression list (by its SHA-256 hash) is refused by the database itself.
CREATE FUNCTION refuse_suppressed_subscriber() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM newsletter_suppression
             WHERE email_sha256 = encode(sha256(convert_to(lower(NEW.email), 'UTF8')), 'hex')) THEN
    RAISE EXCEPTION 'the address is on the newsletter''s suppression list' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER newsletter_suppression_guard BEFORE INSERT OR UPDATE ON newsletter_subscriber
  FOR EACH ROW EXECUTE FUNCTION refuse_suppressed_subscriber();
