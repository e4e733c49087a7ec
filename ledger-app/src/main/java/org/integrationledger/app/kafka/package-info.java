/** The Kafka channel for connectors: one topic per source system in, outcomes and dead letters out (docs/connectors.md). */
package org.integrationledger.app.kafka;
