-- Art 19, F4: the owners of a system erase or restrict some records by hand, and an erased record can no longer be
-- filtered when they record what they did. So a recipient's record filter is asked when their task is created,
-- before they change anything; the recipients it selected are kept with each record's proposal (ids joined by
-- commas, empty where no filter selected it) and go with the change the owners record.
ALTER TABLE request_proposal ADD COLUMN received_by VARCHAR(1000);
