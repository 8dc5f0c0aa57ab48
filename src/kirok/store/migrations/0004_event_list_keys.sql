-- Kirok schema, version 4: what the event list and its filters read, kept on each event, so that at
-- 100,000 events a page of the list is read in order from one index instead of sorting every match.
--   report_pk, report_published: the report's pk (the rowid of reports_fts) and published date, copied
--     from reports by kirok.store.writer (reports are never changed; a trigger keeps published in step).
--     ORDER BY report_published DESC, report_id, position is the list's order (NULLs sort last in DESC).
--   place_ref: the event's row in event_places, one row per distinct (name, gazetteer id, admin path),
--     so the place filter tests a few hundred places instead of every event.

CREATE TABLE event_places (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,            -- json_array(name, gazetteer_id, admin_path)
    name TEXT,
    gazetteer_id TEXT,
    admin_path TEXT NOT NULL             -- JSON array of names, as events.place_admin_path
);

ALTER TABLE events ADD COLUMN report_pk INTEGER;
ALTER TABLE events ADD COLUMN report_published TEXT;
ALTER TABLE events ADD COLUMN place_ref INTEGER REFERENCES event_places (id);

INSERT OR IGNORE INTO event_places (key, name, gazetteer_id, admin_path)
SELECT json_array(place_name, place_gazetteer_id, place_admin_path), place_name, place_gazetteer_id,
       place_admin_path
FROM events ORDER BY pk;

UPDATE events SET
    report_pk = (SELECT r.pk FROM reports r WHERE r.id = events.report_id),
    report_published = (SELECT r.published FROM reports r WHERE r.id = events.report_id),
    place_ref = (
        SELECT p.id FROM event_places p
        WHERE p.key = json_array(events.place_name, events.place_gazetteer_id, events.place_admin_path)
    );

CREATE TRIGGER events_report_published AFTER UPDATE OF published ON reports
BEGIN
    UPDATE events SET report_published = new.published WHERE report_id = new.id;
END;

-- The list: its order, then every column an event filter reads, so a filtered page is read from this
-- index alone and only the rows shown are fetched from the table.
CREATE INDEX events_order ON events (
    report_published DESC, report_id, position, type, status, place_ref, date_earliest, date_latest, report_pk
);

-- The counts: one index per leading filter, each holding the other filter columns.
DROP INDEX events_type;
DROP INDEX events_status;
DROP INDEX events_dates;
CREATE INDEX events_type ON events (type, status, place_ref, date_earliest, date_latest, report_pk);
CREATE INDEX events_status ON events (status, type, place_ref, date_earliest, date_latest, report_pk);
CREATE INDEX events_dates ON events (date_earliest, date_latest, type, status, place_ref, report_pk);
CREATE INDEX events_place ON events (place_ref, type, status, date_earliest, date_latest, report_pk);
CREATE INDEX events_report_pk ON events (report_pk, type, status, place_ref, date_earliest, date_latest);

-- The map's and the timeline's covering indexes (0003), with place_ref and report_pk for the filters.
DROP INDEX events_map;
DROP INDEX events_month;
CREATE INDEX events_map ON events (
    place_lat, place_lon, place_precision, json_extract(place_admin_path, '$[0]'),
    type, status, date_earliest, date_latest, place_name, place_gazetteer_id, place_ref, report_pk, report_id, id
);
CREATE INDEX events_month ON events (
    substr(date_earliest, 1, 7), type, status, date_earliest, date_latest, place_ref, report_pk, report_id
);
