/**
 * The check that the committed contract stays compatible with the last released one (docs/api-governance.md).
 */
package org.integrationledger.client.compatibility;
