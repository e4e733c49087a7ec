-- Where a rebuild keeps the states it cannot hold in memory (docs/audit.md, "Memory of a rebuild"): a rebuild of a
-- large store touches millions of documents, and holding all of them until the switch needed gigabytes of heap
-- (docs/benchmarks.md: 300,000 documents did not fit in 512 MB). The least recently used states are written here as
-- serialized bytes and read back if an event touches them again; the switch reads them back in key order.
-- owner: the projection and its kind of state (one rebuild may keep several). Unlogged: its rows matter only until
-- the switch; after a crash the next rebuild starts by deleting its owner's rows anyway.
CREATE UNLOGGED TABLE projection_rebuild_spill (
    owner     VARCHAR(64)  NOT NULL,
    state_key VARCHAR(256) COLLATE "C" NOT NULL,
    state     BYTEA        NOT NULL,
    CONSTRAINT projection_rebuild_spill_pk PRIMARY KEY (owner, state_key)
);
