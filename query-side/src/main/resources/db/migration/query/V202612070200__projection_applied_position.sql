-- Per processing group and document: the highest sequence number of the document's events the group's views
-- have applied. A redelivered event at or below it changes nothing (docs/architecture.md, "Exactly once in the
-- views"). Written in the processor's transaction, with the view rows and the token.
CREATE TABLE projection_applied_position (
    processing_group VARCHAR(64)  NOT NULL,
    document_id      VARCHAR(255) NOT NULL,
    last_sequence    BIGINT       NOT NULL,
    CONSTRAINT projection_applied_position_pk PRIMARY KEY (processing_group, document_id)
);

-- A store that already has views: every event the group's tokens have passed (below the lowest segment's index,
-- outside every segment's gaps) is applied already. Groups still replaying (a ReplayToken) start empty.
WITH guarded AS (
    SELECT processor_name
    FROM token_entry
    WHERE processor_name IN ('purchase-order-view', 'supplier-view', 'invoice-view', 'reconciliation-view',
                             'sla-clocks')
    GROUP BY processor_name
    HAVING bool_and(token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken')
), passed AS (
    SELECT t.processor_name, min((convert_from(t.token, 'UTF8')::jsonb ->> 'index')::bigint) AS up_to
    FROM token_entry t JOIN guarded g ON g.processor_name = t.processor_name
    GROUP BY t.processor_name
), open_gaps AS (
    SELECT t.processor_name, gap::bigint AS global_index
    FROM token_entry t JOIN guarded g ON g.processor_name = t.processor_name,
         jsonb_array_elements_text(convert_from(t.token, 'UTF8')::jsonb -> 'gaps') AS gap
)
INSERT INTO projection_applied_position (processing_group, document_id, last_sequence)
SELECT p.processor_name, e.aggregate_identifier, max(e.sequence_number)
FROM passed p
JOIN domain_event_entry e ON e.global_index <= p.up_to
WHERE NOT EXISTS (SELECT 1 FROM open_gaps o
                  WHERE o.processor_name = p.processor_name AND o.global_index = e.global_index)
GROUP BY p.processor_name, e.aggregate_identifier;
