/** The operations console: server-rendered pages for finance, procurement, operations people and auditors. */
package org.integrationledger.app.console;
