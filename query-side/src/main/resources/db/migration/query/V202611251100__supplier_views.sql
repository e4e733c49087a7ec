-- The supplier view and the supplier-propagation view (query side). Bank data only masked and fingerprinted.
CREATE TABLE supplier_view (
    supplier_id                      VARCHAR(64)  NOT NULL,
    state                            VARCHAR(16)  NOT NULL,
    legal_name                       VARCHAR(200) NOT NULL,
    requesting_legal_entities        VARCHAR(700) NOT NULL,
    owner                            VARCHAR(32),
    owner_vendor_number              VARCHAR(64),
    golden_record_version            INTEGER,
    bank_account_masked              VARCHAR(8)   NOT NULL,
    bank_account_fingerprint         VARCHAR(76)  NOT NULL,
    pending_bank_account_masked      VARCHAR(8),
    pending_bank_account_proposed_by VARCHAR(128),
    last_bank_account_approved_by    VARCHAR(128),
    blocked                          BOOLEAN      NOT NULL,
    last_business_time               TIMESTAMPTZ  NOT NULL,
    last_recorded_at                 TIMESTAMPTZ  NOT NULL,
    CONSTRAINT supplier_view_pk PRIMARY KEY (supplier_id)
);

-- One row per supplier and target system: requested against acknowledged version. pending_since is NULL
-- once the copy is up to date, so the partial indexes below hold only the copies question 3 is about.
CREATE TABLE supplier_copy_view (
    supplier_id           VARCHAR(64)  NOT NULL,
    system_id             VARCHAR(32)  NOT NULL,
    region                VARCHAR(16)  NOT NULL,
    legal_name            VARCHAR(200) NOT NULL,
    requested_version     INTEGER      NOT NULL,
    requested_at          TIMESTAMPTZ  NOT NULL,
    acknowledged_version  INTEGER,
    reference             VARCHAR(64),
    acknowledged_at       TIMESTAMPTZ,
    pending_since         TIMESTAMPTZ,
    failed_version        INTEGER,
    last_failure          VARCHAR(500),
    last_failure_at       TIMESTAMPTZ,
    stale_acknowledgments INTEGER      NOT NULL,
    bank_account_matches  BOOLEAN,
    CONSTRAINT supplier_copy_view_pk PRIMARY KEY (supplier_id, system_id)
);
CREATE INDEX supplier_copy_view_pending_idx
    ON supplier_copy_view (pending_since, supplier_id, system_id) WHERE pending_since IS NOT NULL;
CREATE INDEX supplier_copy_view_system_pending_idx
    ON supplier_copy_view (system_id, pending_since, supplier_id) WHERE pending_since IS NOT NULL;
CREATE INDEX supplier_copy_view_region_pending_idx
    ON supplier_copy_view (region, pending_since, supplier_id) WHERE pending_since IS NOT NULL;
