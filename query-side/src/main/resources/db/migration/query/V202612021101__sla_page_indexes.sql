-- Indexes measured for the SLA pages (docs/benchmarks.md, SLA queries).
-- All open items, oldest first: the page reads its 50 entries in index order instead of sorting every open clock.
CREATE INDEX sla_clock_attention_idx ON sla_clock (started_at, rule_name, document_id, clock_key)
    WHERE state IN ('AT_RISK', 'BREACHED');
-- A rule's open items in page order (no sort of its ties), and the other filters of the open list ride along so
-- its capped count reads the index alone.
DROP INDEX sla_clock_attention_rule_idx;
CREATE INDEX sla_clock_attention_rule_idx ON sla_clock (rule_name, started_at, document_id, clock_key)
    INCLUDE (state, region, system_id, legal_entity) WHERE state IN ('AT_RISK', 'BREACHED');
-- The history's counts of its partial edge days group by state: with it in the index they skip the table rows.
DROP INDEX sla_clock_closed_idx;
CREATE INDEX sla_clock_closed_idx ON sla_clock (rule_name, stopped_at) INCLUDE (state)
    WHERE state IN ('MET', 'MET_LATE');
