package org.integrationledger.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP surface ({@code ledger.web}): the largest request body the ledger reads (docs/canonical-model.md,
 * "Error surface", says why 2 MB).
 */
@ConfigurationProperties("ledger.web")
public record WebLimitsProperties(DataSize maxRequestBody) {

    public WebLimitsProperties {
        maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(2) : maxRequestBody;
        if (maxRequestBody.toBytes() < 1) {
            throw new IllegalArgumentException("ledger.web.max-request-body must be positive");
        }
    }
}
