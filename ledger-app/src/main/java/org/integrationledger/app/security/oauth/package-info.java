/** Company sign-in: JWT bearer tokens of the company's OAuth2 issuer, mapped to ledger roles and systems. */
package org.integrationledger.app.security.oauth;
