-- The invoice view's fold loads an invoice with its exceptions (and its payments, already indexed by invoice), so the
-- live projection reads an invoice's exceptions by invoice id once per batch.
CREATE INDEX invoice_exception_view_invoice_idx ON invoice_exception_view (invoice_id);
