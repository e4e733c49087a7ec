/** Business SLA rules as they are put on the record: their definitions, changes and retirement. */
package org.integrationledger.model.sla;
