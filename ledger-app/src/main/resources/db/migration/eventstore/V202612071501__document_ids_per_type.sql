-- Ids are per document type (docs/architecture.md, "Identifiers"; docs/audit.md, "Document ids per type"): a
-- purchase order, an invoice and a supplier are stored under their business id qualified by the type,
-- purchase-order:COLL-1, invoice:COLL-1, supplier:COLL-1, so one type's id can never block another's. SLA rules
-- were stored as sla-rule:<name> from the start and stay as they are.

-- The identifier the chain hash covers is the business id (the stored key without its type; the type is a hashed
-- column of its own), exactly the bytes the events stored before this migration were chained over: no hash is
-- recomputed and every sealed checkpoint stays valid. EventChainHash.chainedId is the same rule in Java.
CREATE FUNCTION ledger_chain_document_id(aggregate_identifier VARCHAR, type VARCHAR) RETURNS VARCHAR
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE
           WHEN type = 'PurchaseOrder' AND starts_with(aggregate_identifier, 'purchase-order:')
               THEN substr(aggregate_identifier, 16)
           WHEN type = 'Invoice' AND starts_with(aggregate_identifier, 'invoice:')
               THEN substr(aggregate_identifier, 9)
           WHEN type = 'Supplier' AND starts_with(aggregate_identifier, 'supplier:')
               THEN substr(aggregate_identifier, 10)
           ELSE aggregate_identifier
       END
$$;

CREATE OR REPLACE FUNCTION ledger_event_hash(previous BYTEA, aggregate_identifier VARCHAR, sequence_number BIGINT,
                                             type VARCHAR, event_identifier VARCHAR, time_stamp VARCHAR,
                                             payload_type VARCHAR, payload_revision VARCHAR, payload BYTEA,
                                             meta_data BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
SELECT sha256(previous
    || ledger_chain_field(convert_to(ledger_chain_document_id(aggregate_identifier, type), 'UTF8'))
    || int8send(sequence_number)
    || ledger_chain_field(convert_to(type, 'UTF8'))
    || ledger_chain_field(convert_to(event_identifier, 'UTF8'))
    || ledger_chain_field(convert_to(time_stamp, 'UTF8'))
    || ledger_chain_field(convert_to(payload_type, 'UTF8'))
    || ledger_chain_field(convert_to(payload_revision, 'UTF8'))
    || ledger_chain_field(payload)
    || ledger_chain_field(meta_data))
$$;

-- A business id has no ':' (its shape is [A-Za-z0-9][A-Za-z0-9._-]*), so no qualified key can meet an old one,
-- and a key with ':' is qualified already.
UPDATE domain_event_entry
SET aggregate_identifier = CASE type
                               WHEN 'PurchaseOrder' THEN 'purchase-order:'
                               WHEN 'Invoice' THEN 'invoice:'
                               ELSE 'supplier:'
                           END || aggregate_identifier
WHERE type IN ('PurchaseOrder', 'Invoice', 'Supplier') AND strpos(aggregate_identifier, ':') = 0;

UPDATE snapshot_event_entry
SET aggregate_identifier = CASE type
                               WHEN 'PurchaseOrder' THEN 'purchase-order:'
                               WHEN 'Invoice' THEN 'invoice:'
                               ELSE 'supplier:'
                           END || aggregate_identifier
WHERE type IN ('PurchaseOrder', 'Invoice', 'Supplier') AND strpos(aggregate_identifier, ':') = 0;

-- Parked events are sequenced per aggregate (Axon's SequentialPerAggregatePolicy): the sequence is the stored key
-- too, or a retry would look for the document under an id its new events never use.
UPDATE dead_letter_entry
SET sequence_identifier  = CASE WHEN sequence_identifier = aggregate_identifier
                                    THEN CASE aggregate_type
                                             WHEN 'PurchaseOrder' THEN 'purchase-order:'
                                             WHEN 'Invoice' THEN 'invoice:'
                                             ELSE 'supplier:'
                                         END || sequence_identifier
                                ELSE sequence_identifier
                            END,
    aggregate_identifier = CASE aggregate_type
                               WHEN 'PurchaseOrder' THEN 'purchase-order:'
                               WHEN 'Invoice' THEN 'invoice:'
                               ELSE 'supplier:'
                           END || aggregate_identifier
WHERE aggregate_type IN ('PurchaseOrder', 'Invoice', 'Supplier') AND strpos(aggregate_identifier, ':') = 0;
