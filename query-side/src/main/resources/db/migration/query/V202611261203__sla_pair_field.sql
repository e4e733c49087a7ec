-- A rule may pair each start event with the stop event that carries the same value of one field (an invoice's
-- exception kind, a payment's reference): one clock per value (docs/slas.md, pair-field).
ALTER TABLE sla_rule_view ADD COLUMN pair_field VARCHAR(100);
