-- While the SLA clock projection replays, its clocks pass through states the events have long left (a clock
-- met years ago runs again until its stop event is replayed). replay_until is the head of the event store at
-- the reset; the evaluator moves no clock until the projection has passed it.
CREATE TABLE sla_projection_status (
    id                SMALLINT    NOT NULL,
    replay_until      BIGINT,
    replay_started_at TIMESTAMPTZ,
    CONSTRAINT sla_projection_status_pk PRIMARY KEY (id),
    CONSTRAINT sla_projection_status_single_ck CHECK (id = 1)
);
INSERT INTO sla_projection_status (id) VALUES (1);
