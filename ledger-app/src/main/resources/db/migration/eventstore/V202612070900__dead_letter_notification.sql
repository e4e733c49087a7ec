-- Outbox of "document parked" announcements (docs/architecture.md, "Dead letters"): one row per document a
-- processor starts to park, written in the transaction that parks it; sent to the SLA webhook's URL.
CREATE TABLE dead_letter_notification (
    id              BIGSERIAL     NOT NULL,
    processor       VARCHAR(255)  NOT NULL,
    document_id     VARCHAR(255)  NOT NULL,
    document_type   VARCHAR(255),
    event_type      VARCHAR(255)  NOT NULL,
    event_id        VARCHAR(255)  NOT NULL,
    global_position BIGINT,
    cause           VARCHAR(1023) NOT NULL,
    parked_at       TIMESTAMPTZ   NOT NULL,
    status          VARCHAR(16)   NOT NULL DEFAULT 'PENDING',
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      VARCHAR(500),
    CONSTRAINT dead_letter_notification_pk PRIMARY KEY (id),
    CONSTRAINT dead_letter_notification_status_ck CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX dead_letter_notification_due_idx ON dead_letter_notification (next_attempt_at) WHERE status = 'PENDING';

-- The reconciliation answer asks which processors parked a document (parkedIn): by document, whatever processor.
CREATE INDEX dead_letter_entry_document_idx ON dead_letter_entry (sequence_identifier);
