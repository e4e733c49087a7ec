package org.integrationledger.query.reconciliation;

/**
 * Cuts texts from connectors and events to the length of their column, marking the cut, so a long reference or
 * detail can never make a projection's insert fail (and block its segment).
 */
final class Texts {

    static final int DETAIL = 600;

    private Texts() {
    }

    static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }
}
