-- Where a rebuild of the trace view writes its rows while it runs, so they leave the rebuild's memory as they are
-- made (one row per event: the largest rebuilt state). The switch copies them into trace_step in one transaction.
-- Unlogged: its rows matter only until that switch; after a crash the next rebuild starts it empty anyway.
-- Keep its columns equal to trace_step's (a migration that changes one changes the other).
CREATE UNLOGGED TABLE trace_step_rebuild (
    event_id         VARCHAR(64)   NOT NULL,
    trace_key        VARCHAR(128)  NOT NULL,
    related_key      VARCHAR(128),
    document_type    VARCHAR(24)   NOT NULL,
    document_id      VARCHAR(128)  NOT NULL,
    sequence_number  BIGINT        NOT NULL,
    event_type       VARCHAR(96)   NOT NULL,
    business_time    TIMESTAMPTZ   NOT NULL,
    recorded_at      TIMESTAMPTZ   NOT NULL,
    reporting_system VARCHAR(32),
    connector_id     VARCHAR(64),
    message_id       VARCHAR(128),
    correlation_id   VARCHAR(128),
    causation_id     VARCHAR(128),
    summary          VARCHAR(1000) NOT NULL,
    CONSTRAINT trace_step_rebuild_pk PRIMARY KEY (event_id)
);
