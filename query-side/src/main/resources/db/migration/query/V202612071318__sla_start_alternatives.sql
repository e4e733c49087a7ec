-- Events that prove a rule's start fact when its start event was skipped (SlaRuleDefinition.startAlternatives),
-- comma-separated like stop_events; empty for rules recorded before they existed.
ALTER TABLE sla_rule_view ADD COLUMN start_alternatives VARCHAR(1000) NOT NULL DEFAULT '';
