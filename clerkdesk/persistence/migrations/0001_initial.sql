-- Schema version 1: the meeting record, undo journal, audit trail and corrections.
-- Frozen: never edit a released migration; add a new numbered file instead.

CREATE TABLE audit (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	meeting_id INTEGER, 
	at DATETIME NOT NULL, 
	clerk VARCHAR NOT NULL, 
	action VARCHAR NOT NULL, 
	detail TEXT NOT NULL
);

CREATE INDEX ix_audit_meeting_id ON audit (meeting_id);

CREATE TABLE interest_kind (
	code VARCHAR NOT NULL, 
	label VARCHAR NOT NULL, 
	may_speak BOOLEAN NOT NULL, 
	may_vote BOOLEAN NOT NULL, 
	must_leave BOOLEAN NOT NULL, 
	shows_nature BOOLEAN NOT NULL, 
	position INTEGER NOT NULL, 
	PRIMARY KEY (code)
);

CREATE TABLE organisation (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	name VARCHAR NOT NULL, 
	UNIQUE (name)
);

CREATE TABLE person (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	name VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	title VARCHAR
);

CREATE INDEX ix_person_name ON person (name);

CREATE TABLE committee (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	organisation_id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	quorum INTEGER NOT NULL, 
	FOREIGN KEY(organisation_id) REFERENCES organisation (id)
);

CREATE TABLE committee_member (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	committee_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	role VARCHAR NOT NULL, 
	voting BOOLEAN NOT NULL, 
	position INTEGER NOT NULL, 
	UNIQUE (committee_id, person_id), 
	FOREIGN KEY(committee_id) REFERENCES committee (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_committee_member_committee_id ON committee_member (committee_id);

CREATE TABLE meeting (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	committee_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	start_time TIME, 
	venue VARCHAR, 
	status VARCHAR NOT NULL, 
	quorum INTEGER, 
	approved_at DATETIME, 
	approved_by VARCHAR, 
	FOREIGN KEY(committee_id) REFERENCES committee (id)
);

CREATE INDEX ix_meeting_committee_id ON meeting (committee_id);

CREATE INDEX ix_meeting_date ON meeting (date);

CREATE TABLE agenda_item (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	meeting_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	number VARCHAR NOT NULL, 
	title TEXT NOT NULL, 
	part INTEGER NOT NULL, 
	exempt_paragraph INTEGER, 
	report_title TEXT, 
	report_author VARCHAR, 
	contact_officer VARCHAR, 
	public_summary TEXT, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id)
);

CREATE INDEX ix_agenda_item_meeting_id ON agenda_item (meeting_id);

CREATE TABLE correction (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	meeting_id INTEGER NOT NULL, 
	made_at DATETIME NOT NULL, 
	made_by VARCHAR NOT NULL, 
	reason TEXT NOT NULL, 
	summary TEXT NOT NULL, 
	changes TEXT NOT NULL, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id)
);

CREATE INDEX ix_correction_meeting_id ON correction (meeting_id);

CREATE TABLE journal (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	meeting_id INTEGER NOT NULL, 
	label VARCHAR NOT NULL, 
	changes TEXT NOT NULL, 
	state VARCHAR NOT NULL, 
	clerk VARCHAR NOT NULL, 
	at DATETIME NOT NULL, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id)
);

CREATE INDEX ix_journal_meeting_id ON journal (meeting_id);

CREATE TABLE action (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	item_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	owner VARCHAR NOT NULL, 
	text TEXT NOT NULL, 
	FOREIGN KEY(item_id) REFERENCES agenda_item (id)
);

CREATE INDEX ix_action_item_id ON action (item_id);

CREATE TABLE attendee (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	meeting_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	capacity VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	voting BOOLEAN NOT NULL, 
	status VARCHAR NOT NULL, 
	arrived_at TIME, 
	departed_at TIME, 
	arrived_item_id INTEGER, 
	departed_item_id INTEGER, 
	substitute_for_id INTEGER, 
	position INTEGER NOT NULL, 
	UNIQUE (meeting_id, person_id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(arrived_item_id) REFERENCES agenda_item (id), 
	FOREIGN KEY(departed_item_id) REFERENCES agenda_item (id), 
	FOREIGN KEY(substitute_for_id) REFERENCES person (id)
);

CREATE INDEX ix_attendee_meeting_id ON attendee (meeting_id);

CREATE INDEX ix_attendee_person_id ON attendee (person_id);

CREATE TABLE declaration (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	meeting_id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	kind_code VARCHAR NOT NULL, 
	nature TEXT NOT NULL, 
	sensitive BOOLEAN NOT NULL, 
	dispensation BOOLEAN NOT NULL, 
	left_room BOOLEAN NOT NULL, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	FOREIGN KEY(item_id) REFERENCES agenda_item (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(kind_code) REFERENCES interest_kind (code)
);

CREATE INDEX ix_declaration_person_id ON declaration (person_id);

CREATE INDEX ix_declaration_meeting_id ON declaration (meeting_id);

CREATE TABLE minute_paragraph (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	item_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	FOREIGN KEY(item_id) REFERENCES agenda_item (id)
);

CREATE INDEX ix_minute_paragraph_item_id ON minute_paragraph (item_id);

CREATE TABLE recommendation (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	item_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	label VARCHAR, 
	text TEXT NOT NULL, 
	FOREIGN KEY(item_id) REFERENCES agenda_item (id)
);

CREATE INDEX ix_recommendation_item_id ON recommendation (item_id);

CREATE TABLE amendment (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	recommendation_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	mover_id INTEGER NOT NULL, 
	seconder_id INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	resulting_text TEXT, 
	FOREIGN KEY(recommendation_id) REFERENCES recommendation (id), 
	FOREIGN KEY(mover_id) REFERENCES person (id), 
	FOREIGN KEY(seconder_id) REFERENCES person (id)
);

CREATE INDEX ix_amendment_recommendation_id ON amendment (recommendation_id);

CREATE TABLE decision (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	meeting_id INTEGER NOT NULL, 
	recommendation_id INTEGER, 
	amendment_id INTEGER, 
	outcome VARCHAR NOT NULL, 
	yes INTEGER, 
	no INTEGER, 
	abstain INTEGER, 
	casting_vote VARCHAR, 
	casting_voter_id INTEGER, 
	taken_at TIME, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	UNIQUE (recommendation_id), 
	FOREIGN KEY(recommendation_id) REFERENCES recommendation (id), 
	UNIQUE (amendment_id), 
	FOREIGN KEY(amendment_id) REFERENCES amendment (id), 
	FOREIGN KEY(casting_voter_id) REFERENCES person (id)
);

CREATE INDEX ix_decision_meeting_id ON decision (meeting_id);

CREATE TABLE named_vote (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	decision_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	option VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	UNIQUE (decision_id, person_id), 
	FOREIGN KEY(decision_id) REFERENCES decision (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_named_vote_decision_id ON named_vote (decision_id);

-- The audit trail and corrections are evidence: append-only.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
CREATE TRIGGER correction_no_update BEFORE UPDATE ON correction
BEGIN SELECT RAISE(ABORT, 'Corrections are append-only.'); END;
CREATE TRIGGER correction_no_delete BEFORE DELETE ON correction
BEGIN SELECT RAISE(ABORT, 'Corrections are append-only.'); END;
