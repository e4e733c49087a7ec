/** The event store on PostgreSQL: Axon's JDBC engine made gap-safe, its schema mapping and serializers. */
package org.integrationledger.app.eventstore;
