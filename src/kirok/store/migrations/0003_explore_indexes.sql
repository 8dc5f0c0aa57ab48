-- Kirok schema, version 3: covering indexes for the map and the timeline (kirok.web.explore).
-- Each holds every column that its aggregate query and the event filters (type, status, date window,
-- place, report) read, so at 100,000 events those queries read one index in group order and never the
-- events table, whose rows carry each event's whole JSON record.

-- SQLiteStore.event_points: GROUP BY place_lat, place_lon, place_precision, province.
CREATE INDEX events_map ON events (
    place_lat, place_lon, place_precision, json_extract(place_admin_path, '$[0]'),
    type, status, date_earliest, date_latest, place_name, place_gazetteer_id, place_admin_path, report_id, id
);

-- SQLiteStore.event_month_counts: GROUP BY the month of the window's earliest date, type.
CREATE INDEX events_month ON events (
    substr(date_earliest, 1, 7), type, status, date_earliest, date_latest,
    place_name, place_gazetteer_id, place_admin_path, report_id
);
