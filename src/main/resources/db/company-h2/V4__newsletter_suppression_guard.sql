-- The newsletter never takes an address that objected to marketing or withdrew its consent: a sign-up whose
-- address is on the suppression list (by its SHA-256 hash) is refused by the database itself.
CREATE TRIGGER newsletter_suppression_guard BEFORE INSERT, UPDATE ON newsletter_subscriber
  FOR EACH ROW CALL 'dk.mico.rightsdesk.systems.demo.NewsletterSuppressionGuard';
