/** The supplier golden record: onboarding, owner-only governed changes, four-eyes bank changes, propagation and duplicate tax ids. */
package org.integrationledger.command.supplier;
