/** Rebuilding a projection from the event store beside the live one, then switching over, with progress and checksums. */
package org.integrationledger.query.rebuild;
