-- A report page reads the lines that can be open (or vary) at a period end in key order, one branch per reason a
-- line can be in it (AccrualFacts.candidates): the open or varying lines by flag, and the lines with a fact after
-- the period end or recorded after it or after knownAt. Each branch has an index here, so a page where few lines
-- match (variances at a close where nothing varies) no longer walks every line of the legal entity.
CREATE INDEX accrual_line_open_entity ON accrual_line (legal_entity, purchase_order_id, line_number) WHERE open_now;
CREATE INDEX accrual_line_open ON accrual_line (purchase_order_id, line_number) WHERE open_now;
CREATE INDEX accrual_line_varies_entity ON accrual_line (legal_entity, purchase_order_id, line_number) WHERE varies_now;
CREATE INDEX accrual_line_varies ON accrual_line (purchase_order_id, line_number) WHERE varies_now;
CREATE INDEX accrual_line_last_occurred ON accrual_line (last_occurred_at);
CREATE INDEX accrual_line_last_recorded ON accrual_line (last_recorded_at);
