-- F26: a portability request may name another controller to send the data to directly (Art 20(2)); null: the
-- subject downloads the files only, as before.
ALTER TABLE dsr_request ADD COLUMN transmit_to_name VARCHAR(200);
ALTER TABLE dsr_request ADD COLUMN transmit_to_email VARCHAR(254);
