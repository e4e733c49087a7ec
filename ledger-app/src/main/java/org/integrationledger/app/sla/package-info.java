/** Assembly of the business SLAs: the clock they are measured against. */
package org.integrationledger.app.sla;
