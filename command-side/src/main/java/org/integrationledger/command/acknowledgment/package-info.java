/** The rule every document type applies to a system's report that it holds a version of the document. */
package org.integrationledger.command.acknowledgment;
