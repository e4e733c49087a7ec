/**
 * How the HTTP contract marks its own lifecycle: an operation on its way out says so before it goes (docs/api-governance.md).
 */
package org.integrationledger.model.contract;
