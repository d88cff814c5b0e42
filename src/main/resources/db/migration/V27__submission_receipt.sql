-- The page after the public form shows the submission's references. It is found by a random token in its address
-- (only its hash here), not by the session, so that a reload, a language switch or a page left open still shows them.
ALTER TABLE dsr_request ADD COLUMN receipt_token_hash VARCHAR(64);

CREATE UNIQUE INDEX dsr_request_receipt ON dsr_request (receipt_token_hash);
