package org.integrationledger.command.invoice;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Invoice controls ({@code ledger.invoice}): matching tolerances (default and per legal entity), the
 * duplicate-suspicion window, the region and work queue each legal entity's exceptions go to, the approvers of
 * each queue, and the failure reason codes each tax regime knows. All of it is configuration, not code paths.
 */
@ConfigurationProperties("ledger.invoice")
public record InvoiceProperties(Duration duplicateSuspicionWindow, Tolerances defaultTolerances,
                                String defaultQueue, Map<String, LegalEntitySettings> legalEntities,
                                Map<String, QueueSettings> queues, Map<String, TaxRegimeSettings> taxRegimes) {

    /** Reference defaults: unit price within 0.5 %, quantity exact, suspicion window of 7 days. */
    public static final Tolerances REFERENCE_TOLERANCES = new Tolerances(new Tolerance(new BigDecimal("0.5"), null),
            new Tolerance(BigDecimal.ZERO, null));

    public InvoiceProperties {
        duplicateSuspicionWindow = duplicateSuspicionWindow == null ? Duration.ofDays(7) : duplicateSuspicionWindow;
        if (duplicateSuspicionWindow.isNegative()) {
            throw new IllegalArgumentException("ledger.invoice.duplicate-suspicion-window must not be negative");
        }
        defaultTolerances = defaultTolerances == null ? REFERENCE_TOLERANCES : defaultTolerances;
        defaultQueue = defaultQueue == null || defaultQueue.isBlank() ? "AP-GLOBAL" : defaultQueue;
        legalEntities = legalEntities == null ? Map.of() : Map.copyOf(legalEntities);
        queues = queues == null ? Map.of() : Map.copyOf(queues);
        taxRegimes = taxRegimes == null ? Map.of() : Map.copyOf(taxRegimes);
    }

    /**
     * A limit in percent of the expected value and/or an absolute amount; when both are set a variance must stay
     * within both (the stricter wins), when neither is set the value must be exact.
     */
    public record Tolerance(BigDecimal percent, BigDecimal absolute) {

        public Tolerance {
            // A negative limit would turn every exact match into a variance; refuse it at startup instead.
            if ((percent != null && percent.signum() < 0) || (absolute != null && absolute.signum() < 0)) {
                throw new IllegalArgumentException("a matching tolerance must not be negative: percent " + percent
                        + ", absolute " + absolute);
            }
        }
    }

    /** Price tolerance applies to the unit price, quantity tolerance to the quantity. */
    public record Tolerances(Tolerance price, Tolerance quantity) {

        public Tolerances {
            price = price == null ? new Tolerance(null, null) : price;
            quantity = quantity == null ? new Tolerance(null, null) : quantity;
        }
    }

    /** Where a legal entity's invoice exceptions go; {@code tolerances} overrides the default when set. */
    public record LegalEntitySettings(String region, String queue, Tolerances tolerances) {
    }

    /** A work queue of invoice exceptions and the people authorised to override them. */
    public record QueueSettings(List<String> approvers) {

        public QueueSettings {
            approvers = approvers == null ? List.of() : List.copyOf(approvers);
        }
    }

    /** The failure reason codes the tax engine may report under a tax regime. */
    public record TaxRegimeSettings(List<String> reasonCodes) {

        public TaxRegimeSettings {
            reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        }
    }
}
