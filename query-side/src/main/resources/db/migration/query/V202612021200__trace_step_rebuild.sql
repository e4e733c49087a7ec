-- Where a rebuild of the trace view writes its rows while it runs, so they leave the rebuild's memory as they are
-- made (one row per event: the largest rebuilt state). The switch copies them into trace_step in one transaction.
-- Unlogged: its rows matter only until that switch; after a crash the next rebuild starts it empty anyway.
-- LIKE copies trace_step's columns as they are now: a later migration that changes trace_step's columns must
-- change this table's too. Only the key is indexed: the rebuild inserts with ON CONFLICT (event_id) DO NOTHING.
CREATE UNLOGGED TABLE trace_step_rebuild (LIKE trace_step INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE trace_step_rebuild ADD CONSTRAINT trace_step_rebuild_pk PRIMARY KEY (event_id);
