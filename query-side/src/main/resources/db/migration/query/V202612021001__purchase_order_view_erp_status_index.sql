-- The PO list's most used filter pair, the routed ERP and the procurement status (docs/benchmarks.md: "PO list:
-- ERP_EMEA issued"): the page reads this index in the list's order, and the capped total counts from it alone
-- (index-only), instead of filtering one of the single-column indexes' rows on the table.
CREATE INDEX purchase_order_view_routed_status_idx
    ON purchase_order_view (routed_to, procurement_status, last_business_time DESC, purchase_order_id);
