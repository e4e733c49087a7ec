/** Business SLA rules put on the record: the configured rules become events, so every change is auditable. */
package org.integrationledger.command.sla;
