-- Business SLAs (query side, docs/slas.md). The rules in force as recorded by SlaRuleDefined/Changed/Retired.
CREATE TABLE sla_rule_view (
    rule_name          VARCHAR(100)  NOT NULL,
    start_event        VARCHAR(200)  NOT NULL,
    stop_events        VARCHAR(1000) NOT NULL,
    limit_millis       BIGINT        NOT NULL,
    warning_threshold  DOUBLE PRECISION NOT NULL,
    severity           VARCHAR(16)   NOT NULL,
    scope_legal_entities VARCHAR(1000) NOT NULL,
    scope_regions      VARCHAR(1000) NOT NULL,
    scope_systems      VARCHAR(1000) NOT NULL,
    clock_per_system   VARCHAR(200),
    system_field       VARCHAR(100),
    version_field      VARCHAR(100),
    active             BOOLEAN       NOT NULL,
    revision           INTEGER       NOT NULL,
    in_force_since     TIMESTAMPTZ   NOT NULL,
    CONSTRAINT sla_rule_view_pk PRIMARY KEY (rule_name)
);

-- Attributes of a document remembered from any of its events (legal entity, the system a clock waits for),
-- so a clock learns its scope from events before or after its start event.
CREATE TABLE sla_document_field (
    document_id VARCHAR(255) NOT NULL,
    field       VARCHAR(100) NOT NULL,
    value       VARCHAR(255) NOT NULL,
    CONSTRAINT sla_document_field_pk PRIMARY KEY (document_id, field)
);

-- One clock per rule, document and clock key (target system and/or version where one document has several).
-- The projection starts and stops clocks; the evaluator moves open ones to AT_RISK and BREACHED by the clock.
CREATE TABLE sla_clock (
    rule_name         VARCHAR(100) NOT NULL,
    document_id       VARCHAR(255) NOT NULL,
    clock_key         VARCHAR(200) NOT NULL,
    document_type     VARCHAR(100),
    state             VARCHAR(16)  NOT NULL,
    severity          VARCHAR(16)  NOT NULL,
    legal_entity      VARCHAR(32),
    system_id         VARCHAR(32),
    region            VARCHAR(16),
    document_version  INTEGER,
    start_event       VARCHAR(200) NOT NULL,
    started_at        TIMESTAMPTZ  NOT NULL,
    start_recorded_at TIMESTAMPTZ  NOT NULL,
    warn_at           TIMESTAMPTZ  NOT NULL,
    due_at            TIMESTAMPTZ  NOT NULL,
    at_risk_since     TIMESTAMPTZ,
    breached_since    TIMESTAMPTZ,
    stop_event        VARCHAR(200),
    stopped_at        TIMESTAMPTZ,
    stop_recorded_at  TIMESTAMPTZ,
    CONSTRAINT sla_clock_pk PRIMARY KEY (rule_name, document_id, clock_key),
    CONSTRAINT sla_clock_state_ck CHECK (state IN ('RUNNING', 'AT_RISK', 'BREACHED', 'MET', 'MET_LATE'))
);
-- The evaluator's two scans touch only open clocks.
CREATE INDEX sla_clock_due_idx ON sla_clock (due_at) WHERE state IN ('RUNNING', 'AT_RISK');
CREATE INDEX sla_clock_warn_idx ON sla_clock (warn_at) WHERE state = 'RUNNING';
-- Open breaches / at-risk items by rule, region, system (oldest first).
CREATE INDEX sla_clock_attention_rule_idx ON sla_clock (rule_name, started_at) WHERE state IN ('AT_RISK', 'BREACHED');
CREATE INDEX sla_clock_attention_region_idx ON sla_clock (region, started_at) WHERE state IN ('AT_RISK', 'BREACHED');
CREATE INDEX sla_clock_attention_system_idx ON sla_clock (system_id, started_at) WHERE state IN ('AT_RISK', 'BREACHED');
CREATE INDEX sla_clock_document_idx ON sla_clock (document_id);
-- History of met / met late per rule for a period (dashboard).
CREATE INDEX sla_clock_closed_idx ON sla_clock (rule_name, stopped_at) WHERE state IN ('MET', 'MET_LATE');

-- Outbox of breach notifications, written by the evaluator (never by an event handler), unique per clock: a
-- projection replay re-breaches clocks but finds their row here and sends nothing again. Not reset by replays.
CREATE TABLE sla_breach_notification (
    id               BIGSERIAL    NOT NULL,
    rule_name        VARCHAR(100) NOT NULL,
    document_id      VARCHAR(255) NOT NULL,
    clock_key        VARCHAR(200) NOT NULL,
    severity         VARCHAR(16)  NOT NULL,
    legal_entity     VARCHAR(32),
    system_id        VARCHAR(32),
    region           VARCHAR(16),
    started_at       TIMESTAMPTZ  NOT NULL,
    due_at           TIMESTAMPTZ  NOT NULL,
    breached_at      TIMESTAMPTZ  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    last_error       VARCHAR(500),
    sent_at          TIMESTAMPTZ,
    CONSTRAINT sla_breach_notification_pk PRIMARY KEY (id),
    CONSTRAINT sla_breach_notification_clock_uk UNIQUE (rule_name, document_id, clock_key),
    CONSTRAINT sla_breach_notification_status_ck CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX sla_breach_notification_due_idx ON sla_breach_notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX sla_breach_notification_status_idx ON sla_breach_notification (status, id);
