/** The configured systems of record and the rule that routes a legal entity's documents to its ERP. */
package org.integrationledger.command.routing;
