package org.integrationledger.query.sla;

import java.util.List;

/** A page of SLA clocks. */
public record SlaClockPage(List<SlaClock> items, int page, int size, long total) {
}
