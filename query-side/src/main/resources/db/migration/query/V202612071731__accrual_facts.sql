-- GR/IR facts per purchase-order line on both time axes (docs/accruals.md). A period-end report reads the rows
-- whose business time (occurred_at) is before the period's end and whose recorded time is at or before knownAt.
CREATE TABLE accrual_fact (
    event_id               VARCHAR(64)    NOT NULL,
    ordinal                INTEGER        NOT NULL,
    purchase_order_id      VARCHAR(64)    NOT NULL,
    line_number            INTEGER        NOT NULL,
    kind                   VARCHAR(32)    NOT NULL,
    legal_entity           VARCHAR(64)    NOT NULL,
    supplier_id            VARCHAR(64)    NOT NULL,
    currency               CHAR(3)        NOT NULL,
    routed_to              VARCHAR(32),
    source_system          VARCHAR(32)    NOT NULL,
    quantity               NUMERIC        NOT NULL,
    unit_of_measure        VARCHAR(8)     NOT NULL,
    amount                 NUMERIC        NOT NULL,
    fact_currency          CHAR(3)        NOT NULL,
    unit_price             NUMERIC,
    order_version          INTEGER        NOT NULL,
    invoice_id             VARCHAR(64),
    reference              TEXT,
    goods_receipt_required BOOLEAN        NOT NULL,
    occurred_at            TIMESTAMPTZ    NOT NULL,
    recorded_at            TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (event_id, ordinal)
);

-- The fold loads an order's facts; invoice-only events (posted, paid) find their order through the invoice.
CREATE INDEX accrual_fact_order ON accrual_fact (purchase_order_id, line_number);
CREATE INDEX accrual_fact_invoice ON accrual_fact (invoice_id) WHERE invoice_id IS NOT NULL;
-- A period-end report of one legal entity reads its rows by business time.
CREATE INDEX accrual_fact_period ON accrual_fact (legal_entity, occurred_at);
