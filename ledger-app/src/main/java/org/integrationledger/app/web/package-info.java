/**
 * HTTP concerns shared by both sides: the strict reading of request bodies, and problem details with stable codes
 * for framework-level errors.
 */
package org.integrationledger.app.web;
