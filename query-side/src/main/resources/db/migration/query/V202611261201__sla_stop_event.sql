-- Stop events seen per document, so a stop that arrives before its start (an ERP posting reported before the
-- approval) closes the clock as soon as the start arrives instead of leaving it to breach. One row per
-- document, stop event type and system, holding the latest version seen.
CREATE TABLE sla_stop_event (
    document_id      VARCHAR(255) NOT NULL,
    event_type       VARCHAR(200) NOT NULL,
    system_id        VARCHAR(32)  NOT NULL,
    document_version INTEGER,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT sla_stop_event_pk PRIMARY KEY (document_id, event_type, system_id)
);
