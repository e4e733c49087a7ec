-- Invoice views (query side, docs/invoices.md): one row per invoice across systems, one per invoice exception
-- (the exception queue) and one per executed or scheduled payment (question 4). An invoice's procurement
-- columns are null while the invoice is known only from an early ERP report. Indexes serve each filter of the
-- list endpoints in their sort order, so a page never scans a table.
CREATE TABLE invoice_view (
    invoice_id                     VARCHAR(64)    NOT NULL,
    supplier_id                    VARCHAR(64),
    supplier_invoice_number        VARCHAR(64),
    invoice_date                   DATE,
    purchase_order_id              VARCHAR(64),
    legal_entity                   VARCHAR(12),
    region                         VARCHAR(32),
    queue                          VARCHAR(64),
    routed_to                      VARCHAR(32),
    submitted_by                   VARCHAR(128),
    currency                       VARCHAR(3),
    net_amount                     NUMERIC(19, 4),
    tax_amount                     NUMERIC(19, 4),
    gross_amount                   NUMERIC(19, 4),
    match_status                   VARCHAR(16),
    line_matches                   VARCHAR(8000),
    variance_amount                NUMERIC(19, 4),
    tax_status                     VARCHAR(16)    NOT NULL,
    tax_regime                     VARCHAR(32),
    tax_reason_codes               VARCHAR(1000),
    erp_status                     VARCHAR(16)    NOT NULL,
    erp_document_number            VARCHAR(64),
    fiscal_period                  VARCHAR(16),
    erp_rejection_reason           VARCHAR(600),
    posting_control_violation      BOOLEAN        NOT NULL,
    amount_scheduled               NUMERIC(19, 4) NOT NULL,
    amount_paid                    NUMERIC(19, 4) NOT NULL,
    overpaid                       BOOLEAN        NOT NULL,
    payments_executed              INTEGER        NOT NULL,
    payments_awaiting_confirmation INTEGER        NOT NULL,
    open_exceptions                VARCHAR(200)   NOT NULL,
    last_business_time             TIMESTAMPTZ    NOT NULL,
    last_recorded_at               TIMESTAMPTZ    NOT NULL,
    event_count                    BIGINT         NOT NULL,
    CONSTRAINT invoice_view_pk PRIMARY KEY (invoice_id)
);
CREATE INDEX invoice_view_purchase_order_idx ON invoice_view (purchase_order_id);
CREATE INDEX invoice_view_tax_status_idx ON invoice_view (tax_status, region, last_business_time DESC);

CREATE TABLE invoice_exception_view (
    exception_id      VARCHAR(80)    NOT NULL,
    invoice_id        VARCHAR(64)    NOT NULL,
    exception_number  INTEGER        NOT NULL,
    kind              VARCHAR(32)    NOT NULL,
    status            VARCHAR(16)    NOT NULL,
    queue             VARCHAR(64)    NOT NULL,
    region            VARCHAR(32)    NOT NULL,
    legal_entity      VARCHAR(12)    NOT NULL,
    supplier_id       VARCHAR(64)    NOT NULL,
    purchase_order_id VARCHAR(64)    NOT NULL,
    currency          VARCHAR(3)     NOT NULL,
    gross_amount      NUMERIC(19, 4) NOT NULL,
    variance_amount   NUMERIC(19, 4),
    detail            VARCHAR(2000),
    raised_at         TIMESTAMPTZ    NOT NULL,
    resolved_at       TIMESTAMPTZ,
    resolution        VARCHAR(32),
    resolved_by       VARCHAR(128),
    resolution_reason VARCHAR(600),
    CONSTRAINT invoice_exception_view_pk PRIMARY KEY (exception_id)
);
CREATE INDEX invoice_exception_view_status_idx ON invoice_exception_view (status, raised_at, exception_id);
CREATE INDEX invoice_exception_view_queue_idx ON invoice_exception_view (queue, status, raised_at, exception_id);
CREATE INDEX invoice_exception_view_region_idx ON invoice_exception_view (region, status, raised_at, exception_id);
CREATE INDEX invoice_exception_view_legal_entity_idx
    ON invoice_exception_view (legal_entity, status, raised_at, exception_id);
CREATE INDEX invoice_exception_view_kind_idx ON invoice_exception_view (kind, status, raised_at, exception_id);
CREATE INDEX invoice_exception_view_supplier_idx ON invoice_exception_view (supplier_id, raised_at, exception_id);

CREATE TABLE invoice_payment_view (
    payment_id          VARCHAR(130)   NOT NULL,
    invoice_id          VARCHAR(64)    NOT NULL,
    payment_reference   VARCHAR(64)    NOT NULL,
    supplier_id         VARCHAR(64)    NOT NULL,
    legal_entity        VARCHAR(12)    NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    amount              NUMERIC(19, 4) NOT NULL,
    due_date            DATE,
    value_date          DATE,
    executed_at         TIMESTAMPTZ,
    confirmation_delivered_at    TIMESTAMPTZ,
    confirmation_acknowledged_at TIMESTAMPTZ,
    CONSTRAINT invoice_payment_view_pk PRIMARY KEY (payment_id)
);
-- Question 4: executed, not acknowledged; partial, so it stays as small as the backlog.
CREATE INDEX invoice_payment_view_unconfirmed_idx ON invoice_payment_view (executed_at, payment_id)
    WHERE executed_at IS NOT NULL AND confirmation_acknowledged_at IS NULL;
CREATE INDEX invoice_payment_view_invoice_idx ON invoice_payment_view (invoice_id);
