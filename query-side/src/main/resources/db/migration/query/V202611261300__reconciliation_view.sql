-- The reconciliation view (query side, docs/reconciliation.md): one row per document, one row per system that
-- holds or should hold it, and one row per divergence open now. Divergences are computed by the projection when
-- an event arrives, so queries filter and count plain indexed columns: no JSON, no per-row computation.
CREATE TABLE reconciliation_document (
    document_type        VARCHAR(24)    NOT NULL,
    document_id          VARCHAR(128)   NOT NULL,
    business_key         VARCHAR(128)   NOT NULL,
    supplier_id          VARCHAR(128),
    legal_entity         VARCHAR(16),
    region               VARCHAR(16)    NOT NULL,
    source_system        VARCHAR(32),
    status               VARCHAR(32),
    current_version      INTEGER        NOT NULL,
    routed_to            VARCHAR(32),
    routing_rule_version INTEGER,
    amount               NUMERIC(19, 4),
    currency             VARCHAR(3),
    source_known         BOOLEAN        NOT NULL,
    source_reported_at   TIMESTAMPTZ,
    version_changed_at   TIMESTAMPTZ,
    status_changed_at    TIMESTAMPTZ,
    first_business_time  TIMESTAMPTZ    NOT NULL,
    last_business_time   TIMESTAMPTZ    NOT NULL,
    last_recorded_at     TIMESTAMPTZ    NOT NULL,
    divergent_since      TIMESTAMPTZ,
    CONSTRAINT reconciliation_document_pk PRIMARY KEY (document_type, document_id)
);
CREATE INDEX reconciliation_document_recent_idx
    ON reconciliation_document (last_business_time DESC, document_type, document_id);
CREATE INDEX reconciliation_document_type_region_idx
    ON reconciliation_document (document_type, region, last_business_time DESC);
CREATE INDEX reconciliation_document_legal_entity_idx
    ON reconciliation_document (legal_entity, last_business_time DESC);
CREATE INDEX reconciliation_document_business_key_idx ON reconciliation_document (business_key);

CREATE TABLE reconciliation_system (
    document_type         VARCHAR(24)   NOT NULL,
    document_id           VARCHAR(128)  NOT NULL,
    system_id             VARCHAR(32)   NOT NULL,
    role                  VARCHAR(16),
    state                 VARCHAR(32),
    acknowledged_version  INTEGER,
    expected_version      INTEGER,
    rejected_version      INTEGER,
    reference             VARCHAR(128),
    amount                NUMERIC(19, 4),
    currency              VARCHAR(3),
    status                VARCHAR(32),
    region                VARCHAR(16),
    pending_since         TIMESTAMPTZ,
    bank_account_mismatch BOOLEAN       NOT NULL,
    business_time         TIMESTAMPTZ,
    recorded_at           TIMESTAMPTZ,
    CONSTRAINT reconciliation_system_pk PRIMARY KEY (document_type, document_id, system_id)
);

CREATE TABLE reconciliation_flag (
    document_type VARCHAR(24)   NOT NULL,
    document_id   VARCHAR(128)  NOT NULL,
    flag          VARCHAR(32)   NOT NULL,
    -- empty when the divergence concerns the document as a whole
    system_id     VARCHAR(32)   NOT NULL,
    region        VARCHAR(16)   NOT NULL,
    legal_entity  VARCHAR(16),
    since         TIMESTAMPTZ   NOT NULL,
    detail        VARCHAR(600)  NOT NULL,
    CONSTRAINT reconciliation_flag_pk PRIMARY KEY (document_type, document_id, flag, system_id)
);
-- Each divergence filter reads its index in the list's order (oldest divergence first).
CREATE INDEX reconciliation_flag_flag_idx ON reconciliation_flag (flag, region, since, document_type, document_id);
CREATE INDEX reconciliation_flag_type_idx ON reconciliation_flag (document_type, flag, since, document_id);
CREATE INDEX reconciliation_flag_system_idx ON reconciliation_flag (system_id, flag, since);
CREATE INDEX reconciliation_flag_since_idx ON reconciliation_flag (since, document_type, document_id);

-- The end-to-end trace: one row per recorded event, keyed by the business key it belongs to (a purchase order's
-- id for the order and everything recorded against it; a supplier's id for the supplier) and by correlation id.
CREATE TABLE trace_step (
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
    CONSTRAINT trace_step_pk PRIMARY KEY (event_id)
);
CREATE INDEX trace_step_key_idx ON trace_step (trace_key, business_time, recorded_at);
CREATE INDEX trace_step_correlation_idx ON trace_step (correlation_id, business_time);
