/**
 * What a command handler answers: the events it recorded, or the business rule it refused with a stable error
 * code. Plain Java, so aggregates and policies can use it without knowing the HTTP adapter that answers connectors.
 */
package org.integrationledger.command.outcome;
