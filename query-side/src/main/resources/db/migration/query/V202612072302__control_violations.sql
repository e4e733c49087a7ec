-- The controls report (docs/controls.md), kept by the projection control-violations: one row per violation or
-- review flag with its evidence (the events that prove it, as JSON), and per invoice what the report needs to
-- describe its violations. A token reset empties both and a replay rebuilds them.
CREATE TABLE control_violation (
    violation_id            VARCHAR(100)  NOT NULL,
    kind                    VARCHAR(40)   NOT NULL,
    invoice_id              VARCHAR(64)   NOT NULL,
    payment_reference       VARCHAR(64),
    supplier_id             VARCHAR(64),
    legal_entity            VARCHAR(12),
    region                  VARCHAR(32),
    reporting_system        VARCHAR(32)   NOT NULL,
    detail                  VARCHAR(2000) NOT NULL,
    paid_account            VARCHAR(8),
    golden_record_account   VARCHAR(8),
    golden_record_version   INTEGER,
    not_yet_acknowledged_by VARCHAR(32),
    business_time           TIMESTAMPTZ   NOT NULL,
    recorded_at             TIMESTAMPTZ   NOT NULL,
    evidence                TEXT          NOT NULL,
    CONSTRAINT control_violation_pk PRIMARY KEY (violation_id)
);
CREATE INDEX control_violation_time_idx ON control_violation (business_time DESC, violation_id);
CREATE INDEX control_violation_kind_idx ON control_violation (kind, business_time DESC, violation_id);
CREATE INDEX control_violation_region_idx ON control_violation (region, business_time DESC, violation_id);
CREATE INDEX control_violation_entity_idx ON control_violation (legal_entity, business_time DESC, violation_id);

CREATE TABLE control_invoice_context (
    invoice_id   VARCHAR(64) NOT NULL,
    legal_entity VARCHAR(12),
    region       VARCHAR(32),
    supplier_id  VARCHAR(64),
    receipt      TEXT,
    last_posting TEXT,
    last_payment TEXT,
    CONSTRAINT control_invoice_context_pk PRIMARY KEY (invoice_id)
);

-- Outbox of "control violated" announcements, sent to the SLA webhook's URL like the breaches and parked
-- documents; written with the violation row, never on a replay, and never reset, so nothing is announced twice.
CREATE TABLE control_violation_notification (
    id              BIGSERIAL     NOT NULL,
    violation_id    VARCHAR(100)  NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    invoice_id      VARCHAR(64)   NOT NULL,
    payment_reference VARCHAR(64),
    legal_entity    VARCHAR(12),
    region          VARCHAR(32),
    business_time   TIMESTAMPTZ   NOT NULL,
    status          VARCHAR(16)   NOT NULL DEFAULT 'PENDING',
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      VARCHAR(500),
    CONSTRAINT control_violation_notification_pk PRIMARY KEY (id),
    CONSTRAINT control_violation_notification_uk UNIQUE (violation_id),
    CONSTRAINT control_violation_notification_status_ck CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX control_violation_notification_due_idx ON control_violation_notification (next_attempt_at)
    WHERE status = 'PENDING';
