package org.integrationledger.model.controls;

import java.util.List;

/** A page of the controls report, newest business time first; {@code totalExact} is false above the count limit. */
public record ControlViolationPage(List<ControlViolation> items, int page, int size, long totalItems,
                                   boolean totalExact) {

    public ControlViolationPage {
        items = List.copyOf(items);
    }
}
