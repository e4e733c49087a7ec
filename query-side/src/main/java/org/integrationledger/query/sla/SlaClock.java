package org.integrationledger.query.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock as readers see it: business times ({@code startedAt}, {@code stoppedAt}) with the recorded
 * times beside them; {@code age} runs from the business start to the stop or to now, {@code overdueBy} past
 * {@code dueAt}.
 */
public record SlaClock(String rule, String documentId, String documentType, String clockKey, SlaClockState state,
                       String severity, String legalEntity, String system, String region, Integer documentVersion,
                       String startEvent, Instant startedAt, Instant startRecordedAt, Instant warnAt, Instant dueAt,
                       Instant atRiskSince, Instant breachedSince, String stopEvent, Instant stoppedAt,
                       Instant stopRecordedAt, Duration age, Duration overdueBy) {
}
