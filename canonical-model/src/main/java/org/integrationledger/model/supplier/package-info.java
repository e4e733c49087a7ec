/** Commands, events and queries of the supplier golden record, its governed changes and its propagation. */
package org.integrationledger.model.supplier;
