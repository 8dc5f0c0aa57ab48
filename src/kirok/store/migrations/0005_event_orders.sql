-- Kirok schema, version 5: the event list's other orders (kirok.store.base.EventOrder), each served by an
-- index that holds its keys in order, then every column an event filter reads (as events_order of 0004
-- does for the newest-first order), so that at 100,000 events a page at any offset is read in index order
-- and never by sorting every match.
--   OLDEST: the oldest report first, undated reports last. An index cannot put NULLs last in ascending
--     order, so it leads with the expression report_published IS NULL (0 for a dated report, 1 otherwise);
--     kirok.store.filters orders by that same expression. Ties: report_id, then position.
--   LEAST_CONFIDENT: confidence, lowest first, then in OLDEST order.

CREATE INDEX events_oldest ON events (
    report_published IS NULL, report_published, report_id, position,
    type, status, place_ref, date_earliest, date_latest, report_pk
);

CREATE INDEX events_confidence ON events (
    confidence, report_published IS NULL, report_published, report_id, position,
    type, status, place_ref, date_earliest, date_latest, report_pk
);
