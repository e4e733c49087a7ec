/** Connector messages that arrive other than one per HTTP request (Kafka, batches), sent down the HTTP path's own endpoints. */
package org.integrationledger.app.intake;
