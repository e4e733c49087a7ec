-- Acknowledgments of an order version older than the order's current one when they were recorded
-- (StalePostingAcknowledgmentRecorded): the view counts them, as supplier_copy_view does for supplier copies.
-- Existing rows start at 0; a rebuild of purchase-order-view counts the stored ones.
ALTER TABLE purchase_order_view ADD COLUMN stale_acknowledgments INTEGER NOT NULL DEFAULT 0;
