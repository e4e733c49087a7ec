-- The purchase-order view (query side). Indexes serve each filter of GET /api/v1/purchase-orders in the
-- list's sort order (newest business activity first), so a page never scans the table.
CREATE TABLE purchase_order_view (
    purchase_order_id    VARCHAR(64)   NOT NULL,
    supplier_id          VARCHAR(64),
    legal_entity         VARCHAR(12),
    procurement_status   VARCHAR(32)   NOT NULL,
    procurement_version  INTEGER,
    total_amount         NUMERIC(19, 4),
    currency             VARCHAR(3),
    routed_to            VARCHAR(32),
    erp_status           VARCHAR(32)   NOT NULL,
    erp_system           VARCHAR(32),
    erp_version          INTEGER,
    erp_document_number  VARCHAR(64),
    erp_rejection_reason VARCHAR(600),
    last_business_time   TIMESTAMPTZ   NOT NULL,
    last_recorded_at     TIMESTAMPTZ   NOT NULL,
    event_count          BIGINT        NOT NULL,
    CONSTRAINT purchase_order_view_pk PRIMARY KEY (purchase_order_id)
);
CREATE INDEX purchase_order_view_recent_idx ON purchase_order_view (last_business_time DESC, purchase_order_id);
CREATE INDEX purchase_order_view_status_idx
    ON purchase_order_view (procurement_status, last_business_time DESC, purchase_order_id);
CREATE INDEX purchase_order_view_erp_status_idx
    ON purchase_order_view (erp_status, last_business_time DESC, purchase_order_id);
CREATE INDEX purchase_order_view_routed_to_idx
    ON purchase_order_view (routed_to, last_business_time DESC, purchase_order_id);
CREATE INDEX purchase_order_view_legal_entity_idx
    ON purchase_order_view (legal_entity, last_business_time DESC, purchase_order_id);
