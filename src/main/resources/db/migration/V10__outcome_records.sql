-- Review fixes: what the letters and the case file need to word and show the decisions.
-- Art 12(5): the ground of a refusal or a fee (MANIFESTLY_UNFOUNDED or EXCESSIVE), kept as a code apart from the
-- officer's reason, so each letter words the ground in its own language.
ALTER TABLE dsr_request ADD COLUMN art12_5_ground VARCHAR(30);

-- The number of passages the access review withheld, kept for the case file after the exported data is purged.
ALTER TABLE access_review ADD COLUMN redactions INTEGER;
