-- Treasury paid an invoice in another currency than the invoice's: the reconciliation view flags the treasury row
-- (and the payment's source row) AMOUNT_MISMATCH. No such payment was recorded before, so false is every row's truth.
ALTER TABLE reconciliation_system ADD COLUMN paid_in_other_currency BOOLEAN NOT NULL DEFAULT FALSE;
