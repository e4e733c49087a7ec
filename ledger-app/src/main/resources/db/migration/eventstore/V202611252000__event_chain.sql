-- Tamper evidence (docs/audit.md): a hash chain per aggregate, written with the events, and keyed
-- checkpoints over ranges of final global indexes, written asynchronously.

-- The chain hash of one event, exactly as EventChainHash computes it in Java: SHA-256 over the previous
-- hash and every stored column except global_index, each length-prefixed (4 bytes, NULL = 0xFFFFFFFF),
-- the sequence number as 8 bytes. Kept after the backfill, so anyone can check a chain in SQL.
CREATE FUNCTION ledger_chain_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE WHEN value IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(value)) || value END
$$;

CREATE FUNCTION ledger_event_hash(previous BYTEA, aggregate_identifier VARCHAR, sequence_number BIGINT,
                                  type VARCHAR, event_identifier VARCHAR, time_stamp VARCHAR,
                                  payload_type VARCHAR, payload_revision VARCHAR, payload BYTEA,
                                  meta_data BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
SELECT sha256(previous
    || ledger_chain_field(convert_to(aggregate_identifier, 'UTF8'))
    || int8send(sequence_number)
    || ledger_chain_field(convert_to(type, 'UTF8'))
    || ledger_chain_field(convert_to(event_identifier, 'UTF8'))
    || ledger_chain_field(convert_to(time_stamp, 'UTF8'))
    || ledger_chain_field(convert_to(payload_type, 'UTF8'))
    || ledger_chain_field(convert_to(payload_revision, 'UTF8'))
    || ledger_chain_field(payload)
    || ledger_chain_field(meta_data))
$$;

ALTER TABLE domain_event_entry ADD COLUMN event_hash BYTEA;

-- Events stored before the chain existed are chained now, in each aggregate's sequence order.
DO
$$
    DECLARE
        event     RECORD;
        previous  BYTEA;
        aggregate VARCHAR;
    BEGIN
        FOR event IN SELECT * FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number
            LOOP
                IF aggregate IS DISTINCT FROM event.aggregate_identifier THEN
                    previous := decode(repeat('00', 32), 'hex');
                    aggregate := event.aggregate_identifier;
                END IF;
                previous := ledger_event_hash(previous, event.aggregate_identifier, event.sequence_number,
                                              event.type, event.event_identifier, event.time_stamp,
                                              event.payload_type, event.payload_revision, event.payload,
                                              event.meta_data);
                UPDATE domain_event_entry SET event_hash = previous WHERE global_index = event.global_index;
            END LOOP;
    END
$$;

ALTER TABLE domain_event_entry ALTER COLUMN event_hash SET NOT NULL;

-- One row per sealed range [from_index, to_index] of final global indexes; ranges are contiguous from 1.
-- entries lists (global index, sequence, event hash, aggregate id) of every event in the range, so a
-- deleted, inserted or moved row is named exactly; mac is HMAC-SHA256 with the configured secret over the
-- range, the entries' digest and the previous checkpoint's mac, so the checkpoints chain too.
CREATE TABLE event_chain_checkpoint (
    checkpoint_id  BIGINT      NOT NULL,
    from_index     BIGINT      NOT NULL,
    to_index       BIGINT      NOT NULL,
    event_count    INTEGER     NOT NULL,
    entries        BYTEA       NOT NULL,
    entries_digest BYTEA       NOT NULL,
    previous_mac   BYTEA       NOT NULL,
    mac            BYTEA       NOT NULL,
    key_id         VARCHAR(16) NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT event_chain_checkpoint_pk PRIMARY KEY (checkpoint_id),
    CONSTRAINT event_chain_checkpoint_range_ck CHECK (to_index >= from_index)
);
