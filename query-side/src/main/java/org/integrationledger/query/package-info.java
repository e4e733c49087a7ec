/** The query side: projections build read models from the event history and answer the readers' queries. */
package org.integrationledger.query;
