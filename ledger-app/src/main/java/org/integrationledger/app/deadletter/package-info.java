/**
 * Parking a projection's failing event by document (Axon's JDBC dead-letter queue) so every other document keeps
 * flowing, and telling a parked processor from a stuck one.
 */
package org.integrationledger.app.deadletter;
