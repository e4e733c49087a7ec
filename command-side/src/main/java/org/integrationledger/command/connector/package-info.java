/**
 * What every connector command goes through: the check that the connector may speak for the reporting
 * system, idempotency by message id, audit metadata, and the HTTP answer: an outcome as {@code 200}, a
 * rejection as a problem detail with its status.
 */
package org.integrationledger.command.connector;
