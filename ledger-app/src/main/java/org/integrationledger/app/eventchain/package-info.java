/** Tamper evidence over the event store: keyed checkpoints over the per-aggregate hash chains, and their verification. */
package org.integrationledger.app.eventchain;
