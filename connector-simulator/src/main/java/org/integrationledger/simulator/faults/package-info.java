/** The fault suite: kills, takeovers and duplicate deliveries under load, each ended by a check of every view against the event store. */
package org.integrationledger.simulator.faults;
