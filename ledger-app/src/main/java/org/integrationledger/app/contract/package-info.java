/**
 * The published HTTP contract: the OpenAPI document's identity, and the deprecation and sunset of operations in
 * answers and in the document (docs/api-governance.md).
 */
package org.integrationledger.app.contract;
