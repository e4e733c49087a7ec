-- Ids are per document type (docs/architecture.md, "Identifiers"): a document's applied position is keyed by the
-- document's stored key, purchase-order:COLL-1, as its events are from V202612071501 on. Until then a business id
-- named exactly one aggregate, whose type its first event tells.
UPDATE projection_applied_position p
SET document_id = CASE e.type
                      WHEN 'PurchaseOrder' THEN 'purchase-order:'
                      WHEN 'Invoice' THEN 'invoice:'
                      ELSE 'supplier:'
                  END || p.document_id
FROM domain_event_entry e
WHERE e.aggregate_identifier = p.document_id
  AND e.sequence_number = 0
  AND e.type IN ('PurchaseOrder', 'Invoice', 'Supplier')
  AND strpos(p.document_id, ':') = 0;
