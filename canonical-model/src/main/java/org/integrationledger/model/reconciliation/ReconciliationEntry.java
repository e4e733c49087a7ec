package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/**
 * One document across systems ({@code parentKey}: an invoice's purchase order, a payment's invoice): its
 * source's state and version, where it is routed (and by which rule version),
 * every system's position side by side, and the divergences open now. {@code divergentSince} is the start of the
 * oldest open divergence, null when all systems agree.
 */
public record ReconciliationEntry(DocumentType documentType, String documentId, String businessKey,
                                  String parentKey, String supplierId, LegalEntityId legalEntity, String region,
                                  SystemId routedTo, Integer routingRuleVersion, String status, int currentVersion,
                                  Money amount, Instant firstBusinessTime, Instant lastBusinessTime,
                                  Instant divergentSince, List<SystemPosition> systems,
                                  List<DivergenceFlag> divergences) {

    public ReconciliationEntry {
        systems = List.copyOf(systems);
        divergences = List.copyOf(divergences);
    }
}
