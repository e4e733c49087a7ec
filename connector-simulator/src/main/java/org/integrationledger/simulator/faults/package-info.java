/**
 * The fault suite: kills, takeovers, duplicate deliveries, a database outage and poison events under load, each ended
 * by a check of every view against the event store.
 */
package org.integrationledger.simulator.faults;
