-- Open clocks (RUNNING, AT_RISK, BREACHED) counted per rule, region and state, so the SLA board, the rules'
-- status and the open-clock metrics read a few rows instead of counting every open clock (docs/slas.md).
--
-- The counts are kept by statement triggers on sla_clock, so every writer (the clock projection's starts, stops,
-- scope and rule changes, the evaluator's at-risk and breach updates, a reset) moves them in its own statement and
-- transaction: the counts equal a count over sla_clock in every snapshot. A trigger only appends signed deltas and
-- never updates a shared row, so it adds no lock that concurrent writers could wait on or deadlock over;
-- SlaOpenCounts folds the deltas into one row per key from time to time, and readers sum what is there.
CREATE TABLE sla_open_count_delta (
    rule_name VARCHAR(100) NOT NULL,
    region    VARCHAR(64)  NOT NULL,
    state     VARCHAR(16)  NOT NULL,
    n         BIGINT       NOT NULL,
    CONSTRAINT sla_open_count_delta_state_ck CHECK (state IN ('RUNNING', 'AT_RISK', 'BREACHED'))
);

CREATE FUNCTION sla_open_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sla_open_count_delta (rule_name, region, state, n)
    SELECT rule_name, coalesce(region, 'UNKNOWN'), state, count(*) FROM sla_clock_inserted
    WHERE state IN ('RUNNING', 'AT_RISK', 'BREACHED')
    GROUP BY rule_name, coalesce(region, 'UNKNOWN'), state;
    RETURN NULL;
END $$;

CREATE FUNCTION sla_open_count_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sla_open_count_delta (rule_name, region, state, n)
    SELECT rule_name, region, state, sum(n) FROM (
        SELECT rule_name, coalesce(region, 'UNKNOWN') AS region, state, 1 AS n FROM sla_clock_new
        WHERE state IN ('RUNNING', 'AT_RISK', 'BREACHED')
        UNION ALL
        SELECT rule_name, coalesce(region, 'UNKNOWN'), state, -1 FROM sla_clock_old
        WHERE state IN ('RUNNING', 'AT_RISK', 'BREACHED')) moved
    GROUP BY rule_name, region, state HAVING sum(n) <> 0;
    RETURN NULL;
END $$;

CREATE FUNCTION sla_open_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sla_open_count_delta (rule_name, region, state, n)
    SELECT rule_name, coalesce(region, 'UNKNOWN'), state, -count(*) FROM sla_clock_deleted
    WHERE state IN ('RUNNING', 'AT_RISK', 'BREACHED')
    GROUP BY rule_name, coalesce(region, 'UNKNOWN'), state;
    RETURN NULL;
END $$;

CREATE TRIGGER sla_clock_open_count_inserted AFTER INSERT ON sla_clock
    REFERENCING NEW TABLE AS sla_clock_inserted
    FOR EACH STATEMENT EXECUTE FUNCTION sla_open_count_inserted();
CREATE TRIGGER sla_clock_open_count_updated AFTER UPDATE ON sla_clock
    REFERENCING OLD TABLE AS sla_clock_old NEW TABLE AS sla_clock_new
    FOR EACH STATEMENT EXECUTE FUNCTION sla_open_count_updated();
CREATE TRIGGER sla_clock_open_count_deleted AFTER DELETE ON sla_clock
    REFERENCING OLD TABLE AS sla_clock_deleted
    FOR EACH STATEMENT EXECUTE FUNCTION sla_open_count_deleted();
-- TRUNCATE has no transition table: nothing truncates sla_clock, and this makes sure nothing does unnoticed.
CREATE FUNCTION sla_clock_not_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'sla_clock is not truncated: its open counts would be left behind; DELETE instead';
END $$;
CREATE TRIGGER sla_clock_no_truncate BEFORE TRUNCATE ON sla_clock
    FOR EACH STATEMENT EXECUTE FUNCTION sla_clock_not_truncated();

INSERT INTO sla_open_count_delta (rule_name, region, state, n)
SELECT rule_name, coalesce(region, 'UNKNOWN'), state, count(*) FROM sla_clock
WHERE state IN ('RUNNING', 'AT_RISK', 'BREACHED')
GROUP BY rule_name, coalesce(region, 'UNKNOWN'), state;
