-- Management's daily list of stuck requests is one notice for many requests: sent once per day by its key, it
-- belongs to no single request. It names references and steps only, so record retention has nothing to reduce in it.
ALTER TABLE staff_notice ALTER COLUMN request_id DROP NOT NULL;
