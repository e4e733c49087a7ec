-- Invoices and payments in the reconciliation view and the trace: a document's parent (an invoice's purchase
-- order, a payment's invoice), and the link from an invoice's trace steps to its purchase order.
ALTER TABLE reconciliation_document ADD COLUMN parent_key VARCHAR(128);
CREATE INDEX reconciliation_document_parent_idx ON reconciliation_document (parent_key);
CREATE INDEX trace_step_related_idx ON trace_step (related_key, document_type);
