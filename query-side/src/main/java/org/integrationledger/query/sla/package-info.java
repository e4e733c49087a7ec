/** Business SLA clocks: started and stopped by events, breached by the clock, notified once, queried by rule and region. */
package org.integrationledger.query.sla;
