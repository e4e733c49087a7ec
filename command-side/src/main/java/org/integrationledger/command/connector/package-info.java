/**
 * What every connector command goes through: the check that the connector may speak for the reporting
 * system, idempotency by message id, audit metadata, and the mapping of rejections to problem details.
 */
package org.integrationledger.command.connector;
