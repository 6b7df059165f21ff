-- Version 18: the team's shared record (issue 18). A file on a laptop keeps
-- which of its meetings were checked out from a server (checkout); the other
-- three tables are a server's, and stay empty in a file: one schema for both.

CREATE TABLE meeting_lease (
	token VARCHAR NOT NULL,
	meeting_id INTEGER NOT NULL,
	holder VARCHAR NOT NULL,
	machine VARCHAR NOT NULL,
	taken_at DATETIME NOT NULL,
	ended_at DATETIME,
	ended_how VARCHAR,
	ended_by VARCHAR,
	reason TEXT,
	PRIMARY KEY (token),
	FOREIGN KEY(meeting_id) REFERENCES meeting (id)
);

CREATE UNIQUE INDEX ux_meeting_lease_held ON meeting_lease (meeting_id) WHERE ended_at IS NULL;

CREATE TABLE conflict_copy (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
	meeting_id INTEGER NOT NULL,
	lease_token VARCHAR NOT NULL,
	holder VARCHAR NOT NULL,
	machine VARCHAR NOT NULL,
	arrived_at DATETIME NOT NULL,
	record TEXT NOT NULL,
	audit TEXT NOT NULL,
	FOREIGN KEY(meeting_id) REFERENCES meeting (id),
	UNIQUE (lease_token)
);

CREATE INDEX ix_conflict_copy_meeting_id ON conflict_copy (meeting_id);

CREATE TABLE person_proposal (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
	person_id INTEGER NOT NULL,
	name VARCHAR NOT NULL,
	meeting_id INTEGER NOT NULL,
	proposed_by VARCHAR NOT NULL,
	proposed_at DATETIME NOT NULL,
	state VARCHAR NOT NULL,
	decided_by VARCHAR,
	decided_at DATETIME,
	FOREIGN KEY(person_id) REFERENCES person (id),
	FOREIGN KEY(meeting_id) REFERENCES meeting (id)
);

CREATE INDEX ix_person_proposal_person_id ON person_proposal (person_id);

CREATE TABLE checkout (
	meeting_id INTEGER NOT NULL,
	server VARCHAR NOT NULL,
	server_identity VARCHAR NOT NULL,
	token VARCHAR NOT NULL,
	holder VARCHAR NOT NULL,
	machine VARCHAR NOT NULL,
	taken_at DATETIME NOT NULL,
	audit_from INTEGER NOT NULL,
	state VARCHAR NOT NULL,
	ended_at DATETIME,
	PRIMARY KEY (meeting_id)
);
