/** HTTP concerns shared by both sides: problem details with stable codes for framework-level errors. */
package org.integrationledger.app.web;
