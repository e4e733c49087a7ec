package org.integrationledger.simulator.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * What shapes the generated traffic: a run id that keeps document and message ids apart between runs, the
 * business day the documents start on (spread over {@code spreadDays} days from it when more than 0), the shares of
 * retried messages, out-of-order arrivals, ERP rejections and late acknowledgments, and the {@code horizon}: a
 * message whose business time lies after it has not happened yet and is not sent (the ledger refuses facts from the
 * future), so a document started near it is still in flight. Quarter-end raises the share of receipts and closures.
 */
public record WorkloadSettings(String runId, Instant businessDayStart, double retryShare, double outOfOrderShare,
                               double rejectionShare, double lateAckShare, boolean quarterEnd, int spreadDays,
                               Instant horizon) {

    /** A document starts within the first ten hours of its business day. */
    private static final long BUSINESS_DAY_SECONDS = 10 * 3600;

    public static WorkloadSettings defaults(String runId, Instant businessDayStart) {
        return new WorkloadSettings(runId, businessDayStart, 0.05, 0.05, 0.05, 0.08, false, 0, null);
    }

    public WorkloadSettings withQuarterEnd(boolean value) {
        return new WorkloadSettings(runId, businessDayStart, retryShare, outOfOrderShare, rejectionShare, lateAckShare,
                value, spreadDays, horizon);
    }

    public WorkloadSettings withRetryShare(double value) {
        return new WorkloadSettings(runId, businessDayStart, value, outOfOrderShare, rejectionShare, lateAckShare,
                quarterEnd, spreadDays, horizon);
    }

    /** Documents start on any of {@code days} business days from the first, and nothing after {@code until} is sent. */
    public WorkloadSettings spreadUntil(int days, Instant until) {
        return new WorkloadSettings(runId, businessDayStart, retryShare, outOfOrderShare, rejectionShare, lateAckShare,
                quarterEnd, days, until);
    }

    /**
     * A document's first business time. Without a spread it draws exactly as it always did, so a seed gives the
     * same traffic for a fixed day as before spreads existed.
     */
    Instant documentStart(SplittableRandom random) {
        Instant day = spreadDays > 0 ? businessDayStart.plus(Duration.ofDays(random.nextInt(spreadDays)))
                : businessDayStart;
        return day.plusSeconds(random.nextLong(BUSINESS_DAY_SECONDS));
    }

    /** Whether a message with this business time has happened by the horizon. */
    boolean happened(Instant occurredAt) {
        return horizon == null || !occurredAt.isAfter(horizon);
    }
}
