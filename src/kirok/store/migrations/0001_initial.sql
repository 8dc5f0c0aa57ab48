-- Kirok schema, version 1. Derived from kirok.model; changed only by new numbered files.
-- The CHECK on events.type lists kirok.model.EventType; tests/store/test_migrate.py keeps them equal.

CREATE TABLE reports (
    pk INTEGER PRIMARY KEY,              -- stable rowid for the full-text index
    id TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    text TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT,                      -- ISO date
    language TEXT NOT NULL,
    media_type TEXT NOT NULL,
    origin TEXT,
    segments TEXT NOT NULL DEFAULT '[]', -- JSON [[start, end, role], ...]
    ingested_at TEXT NOT NULL            -- ISO datetime
);

CREATE INDEX reports_published ON reports (published DESC, id);
CREATE INDEX reports_outlet ON reports (outlet COLLATE NOCASE);

CREATE TABLE originals (
    report_id TEXT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    bytes BLOB NOT NULL
);

CREATE TABLE events (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN (
        'directive',
        'meeting',
        'surveillance',
        'crackdown',
        'movement_restriction',
        'arrest',
        'detention',
        'ill_treatment',
        'sentence',
        'execution',
        'forced_repatriation',
        'forced_labor',
        'escape'
    )),
    date_earliest TEXT,
    date_latest TEXT,
    date_precision TEXT,
    place_name TEXT,
    place_gazetteer_id TEXT,
    place_admin_path TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    place_lat REAL,
    place_lon REAL,
    place_precision TEXT,
    confidence REAL NOT NULL CHECK (confidence BETWEEN 0.0 AND 1.0),
    status TEXT NOT NULL CHECK (status IN ('suggested', 'verified', 'rejected')),
    position INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,         -- the evidence spans' text, for the full-text index
    record TEXT NOT NULL CHECK (json_valid(record)), -- Event.model_dump(mode="json"), sensitive values removed
    UNIQUE (report_id, position)
);

CREATE INDEX events_type ON events (type);
CREATE INDEX events_status ON events (status);
CREATE INDEX events_dates ON events (date_earliest, date_latest);
CREATE INDEX events_place_name ON events (place_name COLLATE NOCASE);
CREATE INDEX events_gazetteer ON events (place_gazetteer_id COLLATE NOCASE);

CREATE TABLE event_sensitive (
    event_id TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    ciphertext BLOB NOT NULL             -- nonce || AES-GCM(key, JSON of the sensitive values, aad=event id)
);

CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,              -- no foreign key: the history outlives what it describes
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after)),
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);

CREATE INDEX history_event ON history (event_id, id);

-- The history is append-only.
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;

CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;

-- Full-text indexes, external content, kept in step by triggers.
CREATE VIRTUAL TABLE reports_fts USING fts5 (
    title, text, content = 'reports', content_rowid = 'pk', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports
BEGIN
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
END;

CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports
BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
END;

CREATE TRIGGER reports_fts_update AFTER UPDATE OF title, text ON reports
BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
END;

CREATE VIRTUAL TABLE events_fts USING fts5 (
    evidence_text, content = 'events', content_rowid = 'pk', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER events_fts_insert AFTER INSERT ON events
BEGIN
    INSERT INTO events_fts (rowid, evidence_text) VALUES (new.pk, new.evidence_text);
END;

CREATE TRIGGER events_fts_delete AFTER DELETE ON events
BEGIN
    INSERT INTO events_fts (events_fts, rowid, evidence_text) VALUES ('delete', old.pk, old.evidence_text);
END;

CREATE TRIGGER events_fts_update AFTER UPDATE OF evidence_text ON events
BEGIN
    INSERT INTO events_fts (events_fts, rowid, evidence_text) VALUES ('delete', old.pk, old.evidence_text);
    INSERT INTO events_fts (rowid, evidence_text) VALUES (new.pk, new.evidence_text);
END;
