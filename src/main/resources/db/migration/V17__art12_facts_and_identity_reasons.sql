-- Art 12 outcomes, as the legal review asked (issue 13).

-- Art 12(5), last sentence: the controller must show that a request is excessive. The facts the officer recorded
-- (dates, identical content, intention) are kept with the request; the number of requests alone is not enough.
ALTER TABLE dsr_request ADD COLUMN art12_5_facts VARCHAR(4000);
-- Art 11(2), 12(2) and 12(6): closing as unverifiable. What was missing to identify the subject (the letter says
-- it), and why asking the subject for more was futile when no information request went out first.
ALTER TABLE dsr_request ADD COLUMN identity_missing VARCHAR(2000);
ALTER TABLE dsr_request ADD COLUMN identity_request_futile VARCHAR(2000);
-- Forwarding only the part of a request about data MICO holds for a customer: the request goes on for the data MICO
-- holds as controller itself.
ALTER TABLE dsr_request ADD COLUMN forwarded_in_part BOOLEAN DEFAULT FALSE NOT NULL;
