-- Command-side lookups of the finance controls (docs/controls.md), written by the subscribing processor
-- control-supplier-facts in the transaction that appends the supplier event they derive from. Each row keeps the
-- stored place of its event (sequence number, type, recorded time): the evidence a control violation names.

-- A supplier's standing over business time: requested or rejected (NOT_APPROVED), APPROVED, BLOCKED.
CREATE TABLE control_supplier_standing (
    supplier_id     VARCHAR(64)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    standing        VARCHAR(16)  NOT NULL,
    reason          VARCHAR(600),
    event_type      VARCHAR(64)  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT control_supplier_standing_pk PRIMARY KEY (supplier_id, sequence_number)
);
CREATE INDEX control_supplier_standing_at_idx ON control_supplier_standing (supplier_id, occurred_at);

-- The golden record's bank account per version, protected (masked and fingerprinted, never in clear), from the
-- business time it was created or its change approved.
CREATE TABLE control_supplier_bank_account (
    supplier_id     VARCHAR(64)  NOT NULL,
    version         INTEGER      NOT NULL,
    masked          VARCHAR(8)   NOT NULL,
    fingerprint     VARCHAR(80)  NOT NULL,
    changed         BOOLEAN      NOT NULL,
    owner           VARCHAR(32)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT control_supplier_bank_account_pk PRIMARY KEY (supplier_id, version)
);
CREATE INDEX control_supplier_bank_account_at_idx ON control_supplier_bank_account (supplier_id, occurred_at);

-- Which version of the supplier each target system acknowledged, and when (business time).
CREATE TABLE control_supplier_acknowledgment (
    supplier_id VARCHAR(64) NOT NULL,
    system_id   VARCHAR(32) NOT NULL,
    version     INTEGER     NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT control_supplier_acknowledgment_pk PRIMARY KEY (supplier_id, system_id, version)
);
