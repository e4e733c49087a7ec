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
 * oldest open divergence, null when all systems agree. {@code parkedIn} names the projections that have parked an
 * event of the document (a payment: of its invoice), so their views of it are not current; empty normally.
 */
public record ReconciliationEntry(DocumentType documentType, String documentId, String businessKey,
                                  String parentKey, String supplierId, LegalEntityId legalEntity, String region,
                                  SystemId routedTo, Integer routingRuleVersion, DocumentStatus status,
                                  int currentVersion, Money amount, Instant firstBusinessTime,
                                  Instant lastBusinessTime, Instant divergentSince, List<SystemPosition> systems,
                                  List<DivergenceFlag> divergences, List<String> parkedIn) {

    public ReconciliationEntry {
        systems = List.copyOf(systems);
        divergences = List.copyOf(divergences);
        parkedIn = parkedIn == null ? List.of() : List.copyOf(parkedIn);
    }

    /** An entry of a document no projection has parked. */
    public ReconciliationEntry(DocumentType documentType, String documentId, String businessKey,
                               String parentKey, String supplierId, LegalEntityId legalEntity, String region,
                               SystemId routedTo, Integer routingRuleVersion, DocumentStatus status, int currentVersion,
                               Money amount, Instant firstBusinessTime, Instant lastBusinessTime,
                               Instant divergentSince, List<SystemPosition> systems,
                               List<DivergenceFlag> divergences) {
        this(documentType, documentId, businessKey, parentKey, supplierId, legalEntity, region, routedTo,
                routingRuleVersion, status, currentVersion, amount, firstBusinessTime, lastBusinessTime,
                divergentSince, systems, divergences, List.of());
    }

    public ReconciliationEntry withParkedIn(List<String> processors) {
        return new ReconciliationEntry(documentType, documentId, businessKey, parentKey, supplierId, legalEntity,
                region, routedTo, routingRuleVersion, status, currentVersion, amount, firstBusinessTime,
                lastBusinessTime, divergentSince, systems, divergences, processors);
    }
}
