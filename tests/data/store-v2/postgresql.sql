CREATE TABLE ikm_schema (
	id SERIAL NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE organisations (
	id SERIAL NOT NULL, 
	name VARCHAR(500) NOT NULL, 
	name_key VARCHAR(500) NOT NULL, 
	sector VARCHAR(200), 
	created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_organisations_name_key ON organisations (name_key);

CREATE TABLE files (
	sha256 VARCHAR(64) NOT NULL, 
	size BIGINT NOT NULL, 
	media_type VARCHAR(200) NOT NULL, 
	name VARCHAR(500) NOT NULL, 
	content BYTEA, 
	created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	erased_at TIMESTAMP WITHOUT TIME ZONE, 
	erased_by VARCHAR(200), 
	PRIMARY KEY (sha256)
);

CREATE TABLE packs (
	sha256 VARCHAR(64) NOT NULL, 
	pack_id VARCHAR(200) NOT NULL, 
	version VARCHAR(200) NOT NULL, 
	name VARCHAR(500) NOT NULL, 
	text TEXT NOT NULL, 
	created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	PRIMARY KEY (sha256)
);

CREATE INDEX ix_packs_pack_id ON packs (pack_id);

CREATE TABLE settings (
	key VARCHAR(100) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY (key)
);

CREATE TABLE assessments (
	id SERIAL NOT NULL, 
	organisation_id INTEGER NOT NULL, 
	pack_id VARCHAR(200) NOT NULL, 
	pack_version VARCHAR(200), 
	pack_sha256 VARCHAR(64), 
	assessment_date DATE NOT NULL, 
	audit_date DATE, 
	version INTEGER NOT NULL, 
	readiness FLOAT, 
	verdict VARCHAR(20), 
	created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	updated_by VARCHAR(200), 
	document TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(organisation_id) REFERENCES organisations (id) ON DELETE CASCADE
);

CREATE INDEX ix_assessments_organisation_id ON assessments (organisation_id);

CREATE TABLE assessment_versions (
	assessment_id INTEGER NOT NULL, 
	version INTEGER NOT NULL, 
	document_z BYTEA NOT NULL, 
	author VARCHAR(200), 
	created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	changes TEXT NOT NULL, 
	restored_from INTEGER, 
	PRIMARY KEY (assessment_id, version), 
	FOREIGN KEY(assessment_id) REFERENCES assessments (id) ON DELETE CASCADE
);

CREATE TABLE assessment_files (
	assessment_id INTEGER NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	PRIMARY KEY (assessment_id, sha256), 
	FOREIGN KEY(assessment_id) REFERENCES assessments (id) ON DELETE CASCADE
);

CREATE INDEX ix_assessment_files_sha256 ON assessment_files (sha256);

CREATE TABLE workshops (
	id SERIAL NOT NULL, 
	assessment_id INTEGER NOT NULL, 
	code VARCHAR(12) NOT NULL, 
	state VARCHAR(10) NOT NULL, 
	criterion_id VARCHAR(200), 
	round INTEGER, 
	voting VARCHAR(10) NOT NULL, 
	timer_started_at TIMESTAMP WITHOUT TIME ZONE, 
	timer_seconds INTEGER, 
	consultant VARCHAR(200), 
	created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	closed_at TIMESTAMP WITHOUT TIME ZONE, 
	PRIMARY KEY (id), 
	FOREIGN KEY(assessment_id) REFERENCES assessments (id) ON DELETE CASCADE, 
	UNIQUE (code)
);

CREATE INDEX ix_workshops_assessment_id ON workshops (assessment_id);

CREATE TABLE workshop_participants (
	id SERIAL NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	token_sha256 VARCHAR(64) NOT NULL, 
	joined_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	UNIQUE (token_sha256)
);

CREATE INDEX ix_workshop_participants_workshop_id ON workshop_participants (workshop_id);

CREATE TABLE workshop_rounds (
	workshop_id INTEGER NOT NULL, 
	criterion_id VARCHAR(200) NOT NULL, 
	round INTEGER NOT NULL, 
	opened_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	closed_at TIMESTAMP WITHOUT TIME ZONE, 
	agreed_level INTEGER, 
	agreed_at TIMESTAMP WITHOUT TIME ZONE, 
	agreed_by VARCHAR(200), 
	PRIMARY KEY (workshop_id, criterion_id, round), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);

CREATE TABLE workshop_votes (
	id SERIAL NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	criterion_id VARCHAR(200) NOT NULL, 
	round INTEGER NOT NULL, 
	participant_id INTEGER NOT NULL, 
	level INTEGER NOT NULL, 
	comment TEXT, 
	created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(participant_id) REFERENCES workshop_participants (id) ON DELETE CASCADE
);

CREATE INDEX ix_workshop_votes_participant_id ON workshop_votes (participant_id);

CREATE INDEX ix_workshop_votes_round ON workshop_votes (workshop_id, criterion_id, round);
