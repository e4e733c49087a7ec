-- Every value the contract accepts fits its view column (docs/architecture.md, "What a view can hold"): amounts are
-- exact decimals of any size the contract lets through (a line of 1,000,000 at 10,000,000,000 is 10^16, beyond
-- NUMERIC(19, 4)), so they are unconstrained numeric, as the event store holds them. Texts a projection joins from
-- lists the contract does not cut short (up to 1,000 invoice lines, 20 tax reason codes, any number of requesting
-- legal entities) are unbounded varchar. Instants and dates keep PostgreSQL's types; a value beyond their range is
-- refused by the projection before it writes (RepresentableValues), never stored changed.
ALTER TABLE purchase_order_view ALTER COLUMN total_amount TYPE NUMERIC;

ALTER TABLE invoice_view
    ALTER COLUMN net_amount TYPE NUMERIC,
    ALTER COLUMN tax_amount TYPE NUMERIC,
    ALTER COLUMN gross_amount TYPE NUMERIC,
    ALTER COLUMN variance_amount TYPE NUMERIC,
    ALTER COLUMN amount_scheduled TYPE NUMERIC,
    ALTER COLUMN amount_paid TYPE NUMERIC,
    ALTER COLUMN line_matches TYPE VARCHAR,
    ALTER COLUMN tax_reason_codes TYPE VARCHAR;

ALTER TABLE invoice_exception_view
    ALTER COLUMN gross_amount TYPE NUMERIC,
    ALTER COLUMN variance_amount TYPE NUMERIC;

ALTER TABLE invoice_payment_view ALTER COLUMN amount TYPE NUMERIC;

ALTER TABLE reconciliation_document ALTER COLUMN amount TYPE NUMERIC;
ALTER TABLE reconciliation_system ALTER COLUMN amount TYPE NUMERIC;

ALTER TABLE supplier_view ALTER COLUMN requesting_legal_entities TYPE VARCHAR;
