-- Bucket4j's PostgreSQL buckets of the API throttling (docs/security.md, "Throttling"): one row per principal and
-- configured limit, shared by every ledger node on this database. state is Bucket4j's serialized bucket;
-- expires_at (epoch milliseconds) is when a full bucket's row may be purged.
CREATE TABLE throttling_bucket (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX throttling_bucket_expires_at ON throttling_bucket (expires_at);
