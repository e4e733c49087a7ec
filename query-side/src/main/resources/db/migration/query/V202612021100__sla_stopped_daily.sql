-- Met / met-late clocks per rule and UTC day of their business stop time, so the history's counts over a period
-- read a few rows per day instead of every clock stopped in it (docs/slas.md, history). The SLA clock projection
-- moves these counts in the same statement that moves a clock into or out of MET / MET_LATE, and its reset
-- empties both tables in one statement: the counts equal a count over sla_clock at every commit.
CREATE TABLE sla_stopped_daily (
    rule_name VARCHAR(100) NOT NULL,
    day       DATE         NOT NULL,
    state     VARCHAR(16)  NOT NULL,
    n         BIGINT       NOT NULL,
    CONSTRAINT sla_stopped_daily_pk PRIMARY KEY (rule_name, day, state),
    CONSTRAINT sla_stopped_daily_state_ck CHECK (state IN ('MET', 'MET_LATE')),
    CONSTRAINT sla_stopped_daily_n_ck CHECK (n >= 0)
);

INSERT INTO sla_stopped_daily (rule_name, day, state, n)
SELECT rule_name, (stopped_at AT TIME ZONE 'UTC')::date, state, count(*)
FROM sla_clock
WHERE state IN ('MET', 'MET_LATE')
GROUP BY rule_name, (stopped_at AT TIME ZONE 'UTC')::date, state;
