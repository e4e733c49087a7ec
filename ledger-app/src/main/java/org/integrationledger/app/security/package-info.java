/** Connector identity: API keys stored hashed, each bound to the systems its connector may speak for. */
package org.integrationledger.app.security;
