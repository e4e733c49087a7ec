-- Every verification of the event chain and its checkpoints that walked the whole store: when, who asked, through
-- which surface, and what it found. Auditors ask when the chain was last proven intact; the answer must not depend
-- on which node verified or whether it has restarted since.
CREATE TABLE chain_verification (
    id                  BIGSERIAL PRIMARY KEY,
    ended_at            TIMESTAMPTZ NOT NULL,
    requested_by        VARCHAR(200) NOT NULL,
    requested_via       VARCHAR(16)  NOT NULL,
    intact              BOOLEAN      NOT NULL,
    events_checked      BIGINT       NOT NULL,
    aggregates_checked  BIGINT       NOT NULL,
    checkpoints_checked BIGINT       NOT NULL,
    latest_verified_checkpoint BIGINT,
    sealed_up_to        BIGINT       NOT NULL,
    broken_links        INTEGER      NOT NULL,
    first_broken_problem VARCHAR(64),
    first_broken_global_index BIGINT,
    first_broken_detail VARCHAR(1000)
);
CREATE INDEX chain_verification_ended_at ON chain_verification (ended_at DESC);
