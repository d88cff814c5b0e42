-- The moment a restriction was lifted is in the change log (RESTRICTION_LIFTED, RESTRICTION_LIFTED_BY_HAND);
-- this column repeated it and was never read.
ALTER TABLE restriction_lift DROP COLUMN lifted_at;
