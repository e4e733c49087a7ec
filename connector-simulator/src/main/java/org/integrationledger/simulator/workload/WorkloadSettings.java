package org.integrationledger.simulator.workload;

import java.time.Instant;

/**
 * What shapes the generated traffic: a run id that keeps document and message ids apart between runs, the
 * business day the documents belong to, and the shares of retried messages, out-of-order arrivals, ERP
 * rejections and late acknowledgments. Quarter-end raises the share of receipts and closures.
 */
public record WorkloadSettings(String runId, Instant businessDayStart, double retryShare, double outOfOrderShare,
                               double rejectionShare, double lateAckShare, boolean quarterEnd) {

    public static WorkloadSettings defaults(String runId, Instant businessDayStart) {
        return new WorkloadSettings(runId, businessDayStart, 0.05, 0.05, 0.05, 0.08, false);
    }

    public WorkloadSettings withQuarterEnd(boolean value) {
        return new WorkloadSettings(runId, businessDayStart, retryShare, outOfOrderShare, rejectionShare, lateAckShare,
                value);
    }

    public WorkloadSettings withRetryShare(double value) {
        return new WorkloadSettings(runId, businessDayStart, value, outOfOrderShare, rejectionShare, lateAckShare,
                quarterEnd);
    }
}
