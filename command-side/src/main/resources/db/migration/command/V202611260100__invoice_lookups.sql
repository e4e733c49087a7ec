-- Command-side lookups of the invoice rules, written by subscribing event processors in the transaction that
-- appends the event they derive from (docs/invoices.md).

-- Duplicate-invoice rule: one row per supplier and normalised invoice number; the primary key decides a race
-- between two submissions. Also serves the suspected-duplicate search and the invoices of a purchase order.
CREATE TABLE invoice_number_claim (
    supplier_id             VARCHAR(64)    NOT NULL,
    normalized_number       VARCHAR(64)    NOT NULL,
    invoice_id              VARCHAR(64)    NOT NULL,
    supplier_invoice_number VARCHAR(64)    NOT NULL,
    invoice_date            DATE           NOT NULL,
    gross_amount            NUMERIC(19, 4) NOT NULL,
    currency                VARCHAR(3)     NOT NULL,
    purchase_order_id       VARCHAR(64)    NOT NULL,
    CONSTRAINT invoice_number_claim_pk PRIMARY KEY (supplier_id, normalized_number),
    CONSTRAINT invoice_number_claim_invoice_uk UNIQUE (invoice_id)
);
CREATE INDEX invoice_number_claim_gross_idx ON invoice_number_claim (supplier_id, gross_amount, currency);
CREATE INDEX invoice_number_claim_po_idx ON invoice_number_claim (purchase_order_id);

-- Purchase-order facts invoices are matched against: the order's supplier, legal entity and currency, and per
-- line the ordered quantity and price, whether it needs a goods receipt, and what was received so far.
CREATE TABLE invoice_po_fact (
    purchase_order_id VARCHAR(64) NOT NULL,
    supplier_id       VARCHAR(64) NOT NULL,
    legal_entity      VARCHAR(12) NOT NULL,
    currency          VARCHAR(3)  NOT NULL,
    CONSTRAINT invoice_po_fact_pk PRIMARY KEY (purchase_order_id)
);
-- What each invoice billed per order line, so goods already invoiced are not matched a second time.
CREATE TABLE invoice_po_line_billing (
    invoice_id        VARCHAR(64)    NOT NULL,
    invoice_line      INTEGER        NOT NULL,
    purchase_order_id VARCHAR(64)    NOT NULL,
    line_number       INTEGER        NOT NULL,
    quantity          NUMERIC(19, 3) NOT NULL,
    unit_of_measure   VARCHAR(8)     NOT NULL,
    CONSTRAINT invoice_po_line_billing_pk PRIMARY KEY (invoice_id, invoice_line)
);
CREATE INDEX invoice_po_line_billing_po_idx ON invoice_po_line_billing (purchase_order_id, line_number);

CREATE TABLE invoice_po_line_fact (
    purchase_order_id VARCHAR(64)    NOT NULL,
    line_number       INTEGER        NOT NULL,
    quantity          NUMERIC(19, 3) NOT NULL,
    unit_of_measure   VARCHAR(8)     NOT NULL,
    unit_price        NUMERIC(19, 6) NOT NULL,
    receipt_required  BOOLEAN        NOT NULL,
    received_quantity NUMERIC(19, 3) NOT NULL,
    CONSTRAINT invoice_po_line_fact_pk PRIMARY KEY (purchase_order_id, line_number)
);
