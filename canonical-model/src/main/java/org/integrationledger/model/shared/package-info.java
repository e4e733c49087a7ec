/** Value objects, identifiers and conventions shared by every document type of the canonical model. */
package org.integrationledger.model.shared;
