package org.integrationledger.model.invoice;

/** Three-way: against the order's price and the goods received. Two-way: against the order only (services). */
public enum MatchBasis {
    THREE_WAY,
    TWO_WAY
}
