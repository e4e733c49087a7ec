/** Auditors' reads of the event history: each document's events with who/what/when, and state as of a past instant. */
package org.integrationledger.query.audit;
