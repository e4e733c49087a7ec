-- Command-side lookup for the duplicate-supplier rule: one row per registered tax id (normalised: country plus
-- upper-cased letters and digits without the country prefix). Written by a subscribing event processor in the
-- transaction that appends SupplierRequested, so the primary key decides a race between two requests.
CREATE TABLE supplier_tax_id_claim (
    normalized_tax_id VARCHAR(40)  NOT NULL,
    supplier_id       VARCHAR(64)  NOT NULL,
    claimed_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT supplier_tax_id_claim_pk PRIMARY KEY (normalized_tax_id)
);
CREATE INDEX supplier_tax_id_claim_supplier_idx ON supplier_tax_id_claim (supplier_id);
