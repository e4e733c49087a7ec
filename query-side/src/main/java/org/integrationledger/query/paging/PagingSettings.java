package org.integrationledger.query.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How paged lists count their matches ({@code ledger.query}).
 *
 * @param totalCountLimit a list counts at most this many matches (default 1,000); above it the total says
 *                        "at least this many" ({@code totalExact = false}), because counting every match of a large
 *                        table costs more than the page itself (at 300,000 documents, counting to 10,000 cost 4-10 ms
 *                        per request, to 1,000 under 1 ms; docs/benchmarks.md)
 */
@ConfigurationProperties("ledger.query")
public record PagingSettings(Integer totalCountLimit) {

    public PagingSettings {
        totalCountLimit = totalCountLimit == null ? 1_000 : totalCountLimit;
        if (totalCountLimit < 1) {
            throw new IllegalArgumentException("ledger.query.total-count-limit must be at least 1");
        }
    }
}
