-- A note for the officer on an e-mail of the GDPR mailbox: why it was not taken as the subject's answer (it names a
-- request of someone else's address), or why it was dismissed without an officer (an automatic mail naming no
-- request of ours).
ALTER TABLE inbound_email ADD COLUMN officer_note VARCHAR(1000);
