-- One trivial migration, so that Flyway runs at start as it does in Rights Desk.
CREATE TABLE bench_note (id BIGINT PRIMARY KEY, note VARCHAR(200));
