-- Divergence counts kept by the reconciliation projection (docs/reconciliation.md), so the counts endpoint reads a
-- few hundred rows instead of aggregating every open divergence. Both tables change in the transaction that
-- changes reconciliation_flag, by deltas (n = n + delta), so two processor threads never overwrite each other.
-- Rows whose count drops to 0 stay (they are few: one per combination ever seen); readers skip them.
-- A NULL legal entity is stored as '' because it is part of the key.

-- Open divergences per flag, region, system, document type and legal entity: every filter of the endpoint
-- (except the age filter divergentFor, which moves with asOf) is a column here, so a filtered sum is exact.
CREATE TABLE reconciliation_flag_count (
    flag          VARCHAR(32)  NOT NULL,
    region        VARCHAR(16)  NOT NULL,
    system_id     VARCHAR(32)  NOT NULL,
    document_type VARCHAR(24)  NOT NULL,
    legal_entity  VARCHAR(16)  NOT NULL,
    divergences   BIGINT       NOT NULL,
    CONSTRAINT reconciliation_flag_count_pk PRIMARY KEY (flag, region, system_id, document_type, legal_entity)
);

-- Distinct documents with at least one open divergence. Document type and legal entity belong to the document, so
-- documents of different values never overlap and their counts add up exactly. Flag, system and region belong to
-- the divergence (one document can have several), so their counts cannot be added: every document is counted once
-- in each of the 8 "grouping sets" of those three columns. rolled_up is PostgreSQL's GROUPING(flag, system_id,
-- region): bit 4 = any flag, 2 = any system, 1 = any region; a rolled-up column holds ''. A filter on, say, region
-- only reads rolled_up = 6 and sums over type and legal entity unless those are filtered too.
CREATE TABLE reconciliation_flag_document_count (
    rolled_up     SMALLINT     NOT NULL,
    flag          VARCHAR(32)  NOT NULL,
    system_id     VARCHAR(32)  NOT NULL,
    region        VARCHAR(16)  NOT NULL,
    document_type VARCHAR(24)  NOT NULL,
    legal_entity  VARCHAR(16)  NOT NULL,
    documents     BIGINT       NOT NULL,
    CONSTRAINT reconciliation_flag_document_count_pk
        PRIMARY KEY (rolled_up, flag, system_id, region, document_type, legal_entity)
);

-- The divergences open when this migration runs.
INSERT INTO reconciliation_flag_count (flag, region, system_id, document_type, legal_entity, divergences)
SELECT flag, region, system_id, document_type, COALESCE(legal_entity, ''), COUNT(*)
FROM reconciliation_flag
GROUP BY flag, region, system_id, document_type, COALESCE(legal_entity, '');

INSERT INTO reconciliation_flag_document_count (rolled_up, flag, system_id, region, document_type, legal_entity,
                                                documents)
SELECT GROUPING(flag, system_id, region), COALESCE(flag, ''), COALESCE(system_id, ''), COALESCE(region, ''),
       document_type, le, COUNT(DISTINCT document_id)
FROM (SELECT flag, system_id, region, document_type, document_id, COALESCE(legal_entity, '') AS le
      FROM reconciliation_flag) f
GROUP BY document_type, le, CUBE (flag, system_id, region);
