package org.integrationledger.query.sla;

import java.util.Arrays;
import java.util.EnumSet;

/** Where a webhook notification stands in its outbox (SLA breaches, parked documents); stored by name. */
public enum NotificationStatus {
    /** Waiting for its (next) delivery attempt. */
    PENDING,
    /** Delivered. */
    SENT,
    /** Given up after the configured attempts. */
    FAILED;

    static NotificationStatus parse(String name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be one of "
                        + EnumSet.allOf(NotificationStatus.class)));
    }
}
