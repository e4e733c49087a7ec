-- The capped total of the reconciliation list by divergence counts distinct documents in key order, so
-- PostgreSQL can stop at the limit; for the dashboard's usual filter (document type and divergence, e.g. POs not
-- acknowledged) this index gives that order from the index alone (docs/benchmarks.md: 37 -> 15 ms at 1 M
-- documents). since is included for the age filter.
CREATE INDEX reconciliation_flag_type_document_idx
    ON reconciliation_flag (document_type, flag, document_id, since);
