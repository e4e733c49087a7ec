-- One row per connector message the ledger accepted: the idempotency key and the outcome a retry gets back.
-- Written in the same transaction as the command's events, so a row exists exactly when the events do.
CREATE TABLE connector_message (
    connector_id   VARCHAR(64)  NOT NULL,
    message_id     VARCHAR(128) NOT NULL,
    command_type   VARCHAR(128) NOT NULL,
    payload_sha256 CHAR(64)     NOT NULL,
    document_id    VARCHAR(255),
    ledger_version BIGINT,
    recorded       VARCHAR(1000),
    received_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT connector_message_pk PRIMARY KEY (connector_id, message_id)
);
