package org.integrationledger.model.supplier;

import org.integrationledger.model.shared.SystemId;

/**
 * Question 3 at a glance: for each target system, how many supplier copies it holds at the requested version, how
 * many are still pending one (and since when the oldest), and how many failed. System and region are optional
 * filters.
 */
public record CountSupplierCopiesBySystem(SystemId system, String region) {
}
