/**
 * Who may call what: API keys stored hashed, each carrying the systems it reports for and its roles, and the one
 * table of the role every API operation needs, enforced and published in the OpenAPI document.
 */
package org.integrationledger.app.security;
