-- Goods received on a line the purchase order does not have (never ordered, or dropped by an amendment) are
-- recorded; they wait here until an amendment puts the line on the order, so matching then counts them.
CREATE TABLE invoice_po_unordered_receipt (
    purchase_order_id VARCHAR(64)    NOT NULL,
    line_number       INTEGER        NOT NULL,
    unit_of_measure   VARCHAR(8)     NOT NULL,
    received_quantity NUMERIC(19, 3) NOT NULL,
    CONSTRAINT invoice_po_unordered_receipt_pk PRIMARY KEY (purchase_order_id, line_number)
);
