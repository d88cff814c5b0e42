-- Art 19, F4: a recipient that received only some records of a table (a record filter, such as the course venue
-- receiving the participants of the courses held there) is told only of those. The filter is asked just before the
-- change, since an erased record can no longer be filtered; the recipients it selected go with the change, as ids
-- joined by commas (empty where no filter applies). Rows written before this migration had no filtered recipient.
ALTER TABLE request_change_in_flight ADD COLUMN received_by VARCHAR(1000);
ALTER TABLE request_change ADD COLUMN received_by VARCHAR(1000);

-- F19: a record the officer keeps for a legal claim (Art 17(3)(e)) is reviewed on a day the officer enters (by
-- default after the general limitation period of 3 years): a task then asks whether the claim still needs it.
ALTER TABLE request_proposal ADD COLUMN review_on DATE;
