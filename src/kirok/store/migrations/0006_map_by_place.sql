-- Kirok schema, version 6: the map groups events by their place row (event_places) and coordinates,
-- reading this index alone: its leading columns are the groups, then every column a filter reads and
-- the aggregates need. The province comes from the place row, so no JSON is read per event.
CREATE INDEX events_map_places ON events (
    place_ref, place_lat, place_lon, place_precision,
    type, status, date_earliest, date_latest, report_pk, report_id
);
