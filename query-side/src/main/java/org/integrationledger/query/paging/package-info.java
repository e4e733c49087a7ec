/** Totals of paged lists, counted up to a limit so a page costs the same however many rows match. */
package org.integrationledger.query.paging;
