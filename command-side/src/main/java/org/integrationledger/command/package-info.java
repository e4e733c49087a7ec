/** The command side: aggregates enforce the rules on what connectors report and record it as events. */
package org.integrationledger.command;
