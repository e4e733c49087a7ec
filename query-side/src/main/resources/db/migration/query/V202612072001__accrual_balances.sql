-- The accrual report's totals as running balances, so a report sums stored rows instead of folding history
-- (docs/accruals.md, "How it stays fast"; query-side accrual/AccrualBalances). Rows are differences: the balance
-- of a legal entity, currency and measure (a side or a variance reason) at period end P is the sum of the rows with
-- business_day <= P; as known at K, the sum of the rows of accrual_balance_known with recorded_at <= K as well.
CREATE TABLE accrual_balance (
    legal_entity VARCHAR(64) NOT NULL,
    currency     CHAR(3)     NOT NULL,
    business_day DATE        NOT NULL,
    measure      VARCHAR(40) NOT NULL,
    lines        BIGINT      NOT NULL,
    amount       NUMERIC     NOT NULL,
    PRIMARY KEY (legal_entity, currency, business_day, measure)
);

CREATE TABLE accrual_balance_known (
    legal_entity VARCHAR(64) NOT NULL,
    currency     CHAR(3)     NOT NULL,
    business_day DATE        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    measure      VARCHAR(40) NOT NULL,
    lines        BIGINT      NOT NULL,
    amount       NUMERIC     NOT NULL,
    PRIMARY KEY (legal_entity, currency, business_day, recorded_at, measure)
);
-- A report as known at K of one legal entity reads its rows up to the period end; the included columns let the
-- scan answer from the index alone.
CREATE INDEX accrual_balance_known_period ON accrual_balance_known (legal_entity, business_day)
    INCLUDE (currency, recorded_at, measure, lines, amount);

-- Per purchase-order line: where it stands with every fact in, and the span of its facts on both axes; a page of
-- the report reads the lines that can be open at the period end in key order (keyset paging) and folds only those.
CREATE TABLE accrual_line (
    purchase_order_id VARCHAR(64) NOT NULL,
    line_number       INTEGER     NOT NULL,
    legal_entity      VARCHAR(64) NOT NULL,
    currency          CHAR(3)     NOT NULL,
    supplier_id       VARCHAR(64) NOT NULL,
    open_now          BOOLEAN     NOT NULL,
    varies_now        BOOLEAN     NOT NULL,
    first_occurred_at TIMESTAMPTZ NOT NULL,
    last_occurred_at  TIMESTAMPTZ NOT NULL,
    first_recorded_at TIMESTAMPTZ NOT NULL,
    last_recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (purchase_order_id, line_number)
);
CREATE INDEX accrual_line_entity ON accrual_line (legal_entity, purchase_order_id, line_number);
CREATE INDEX accrual_line_supplier ON accrual_line (supplier_id, purchase_order_id, line_number);

-- The balances are derived from every fact since the first event: a store that already has facts replays the
-- accrual-facts processor from its first event (its token is removed, so it starts again from the tail).
DELETE FROM accrual_fact;
DELETE FROM token_entry WHERE processor_name = 'accrual-facts';
