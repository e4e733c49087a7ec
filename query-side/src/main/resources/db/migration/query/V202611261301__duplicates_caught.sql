-- Duplicates caught (question 8): one row per catch, with what happened to it. Written by the reconciliation
-- projection; the outcome of a suspected duplicate is updated as its exception is resolved.
CREATE TABLE duplicate_caught (
    event_id         VARCHAR(64)   NOT NULL,
    document_type    VARCHAR(24)   NOT NULL,
    original_id      VARCHAR(128)  NOT NULL,
    attempted_id     VARCHAR(128)  NOT NULL,
    match_key        VARCHAR(200)  NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    outcome          VARCHAR(32)   NOT NULL,
    detail           VARCHAR(600)  NOT NULL,
    caught_at        TIMESTAMPTZ   NOT NULL,
    recorded_at      TIMESTAMPTZ   NOT NULL,
    reporting_system VARCHAR(32),
    connector_id     VARCHAR(64),
    CONSTRAINT duplicate_caught_pk PRIMARY KEY (event_id)
);
CREATE INDEX duplicate_caught_recent_idx ON duplicate_caught (caught_at DESC, event_id);
CREATE INDEX duplicate_caught_type_idx ON duplicate_caught (document_type, caught_at DESC);
CREATE INDEX duplicate_caught_attempted_idx ON duplicate_caught (attempted_id, caught_at DESC);
CREATE INDEX duplicate_caught_original_idx ON duplicate_caught (original_id, caught_at DESC);
