package org.integrationledger.query.reconciliation;

import org.integrationledger.model.purchaseorder.ReceiptExcess;
import org.integrationledger.model.reconciliation.DivergenceFlag;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.ReconciliationEntry;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One document as the reconciliation projection keeps it (table {@code reconciliation_document}): the source's
 * state, the routing decision, every system's row and the divergences open now. The folds change a {@link #copy()}.
 */
final class DocumentState implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    final DocumentType type;
    final String id;
    String businessKey;
    /** The document this one belongs to: an invoice's purchase order, a payment's invoice. */
    String parentKey;
    String supplierId;
    String legalEntity;
    String region = "GLOBAL";
    String sourceSystem;
    DocumentStatus status;
    int currentVersion;
    String routedTo;
    Integer routingRuleVersion;
    BigDecimal amount;
    String currency;
    /** True once the source system reported the document (false while known only downstream). */
    boolean sourceKnown;
    /** Business time the source reported it (issue of a PO), the start of "not acknowledged". */
    Instant sourceReportedAt;
    /** Business time of the current version (an amendment), the start of "version behind". */
    Instant versionChangedAt;
    /** Business time of the last status change at the source (cancellation, closure). */
    Instant statusChangedAt;
    Instant firstBusinessTime;
    Instant lastBusinessTime;
    Instant lastRecordedAt;
    final Map<String, SystemRow> systems = new TreeMap<>();
    final Map<OpenDivergence.Key, OpenDivergence> divergences = new LinkedHashMap<>();
    /**
     * What the event being applied says of goods received beyond the order: null when it says nothing (the open
     * RECEIVED_BEYOND_ORDER flag, if any, stands), else every line then beyond the order (empty: none). Not copied:
     * it belongs to one event.
     */
    transient List<ReceiptExcess> receivedBeyondOrder;

    DocumentState(DocumentType type, String id) {
        this.type = type;
        this.id = id;
        this.businessKey = id;
    }

    DocumentKey key() {
        return new DocumentKey(type, id);
    }

    /**
     * A copy to change: the folds change copies, never the state they were given, so a state once applied (held by
     * a batch, a rebuild's memory or a replay) stays what it was.
     */
    DocumentState copy() {
        DocumentState copy = new DocumentState(type, id);
        copy.businessKey = businessKey;
        copy.parentKey = parentKey;
        copy.supplierId = supplierId;
        copy.legalEntity = legalEntity;
        copy.region = region;
        copy.sourceSystem = sourceSystem;
        copy.status = status;
        copy.currentVersion = currentVersion;
        copy.routedTo = routedTo;
        copy.routingRuleVersion = routingRuleVersion;
        copy.amount = amount;
        copy.currency = currency;
        copy.sourceKnown = sourceKnown;
        copy.sourceReportedAt = sourceReportedAt;
        copy.versionChangedAt = versionChangedAt;
        copy.statusChangedAt = statusChangedAt;
        copy.firstBusinessTime = firstBusinessTime;
        copy.lastBusinessTime = lastBusinessTime;
        copy.lastRecordedAt = lastRecordedAt;
        systems.forEach((system, row) -> copy.systems.put(system, row.copy()));
        copy.divergences.putAll(divergences);
        return copy;
    }

    /** Replaces the open divergences, keeping the earliest start of each one that was already open. */
    void refresh(List<OpenDivergence> now) {
        Map<OpenDivergence.Key, OpenDivergence> open = new LinkedHashMap<>();
        for (OpenDivergence divergence : now) {
            OpenDivergence before = divergences.get(divergence.key());
            OpenDivergence kept = before != null && before.since().isBefore(divergence.since())
                    ? divergence.since(before.since()) : divergence;
            open.merge(kept.key(), kept, (a, b) -> a.since().isBefore(b.since()) ? a : b);
        }
        if (!open.equals(divergences)) {
            divergences.clear();
            divergences.putAll(open);
        }
    }

    SystemRow system(String system) {
        return systems.computeIfAbsent(system, SystemRow::new);
    }

    /** Records that something happened to the document at this business time, recorded at that instant. */
    void touched(Instant businessTime, Instant recordedAt) {
        if (firstBusinessTime == null || businessTime.isBefore(firstBusinessTime)) {
            firstBusinessTime = businessTime;
        }
        if (lastBusinessTime == null || businessTime.isAfter(lastBusinessTime)) {
            lastBusinessTime = businessTime;
        }
        lastRecordedAt = recordedAt;
    }

    /**
     * An amount for a divergence's text, at its currency's scale: the same whether it comes from an event or from
     * the table (which stores four decimals), so a rebuild writes the same text as the live projection.
     */
    static String money(BigDecimal amount, String currency) {
        return new Money(amount, CurrencyCode.of(currency)).amount().toPlainString() + " " + currency;
    }

    Instant divergentSince() {
        return divergences.values().stream().map(OpenDivergence::since).min(Comparator.naturalOrder()).orElse(null);
    }

    ReconciliationEntry toEntry(Instant asOf) {
        List<DivergenceFlag> flags = divergences.values().stream()
                .sorted(Comparator.comparing((OpenDivergence d) -> d.since()).thenComparing((OpenDivergence d) -> d.flag().name())
                        .thenComparing(OpenDivergence::system))
                // Flags stored before every divergence named its system have an empty one.
                .map(d -> new DivergenceFlag(d.flag(), d.system().isEmpty() ? null : SystemId.of(d.system()),
                        d.region(), d.since(), Duration.between(d.since(), asOf), d.detail()))
                .toList();
        return new ReconciliationEntry(type, id, businessKey, parentKey, supplierId,
                legalEntity == null ? null : LegalEntityId.of(legalEntity), region,
                routedTo == null ? null : SystemId.of(routedTo), routingRuleVersion, status, currentVersion,
                amount == null ? null : new Money(amount, CurrencyCode.of(currency)), firstBusinessTime,
                lastBusinessTime, divergentSince(), systems.values().stream().map(SystemRow::toPosition).toList(),
                flags);
    }

    /** Canonical text of the document with its systems and divergences, for the projection checksum. */
    String canonical() {
        StringBuilder text = new StringBuilder(String.join("|", type.name(), id, businessKey, String.valueOf(parentKey),
                String.valueOf(supplierId), String.valueOf(legalEntity), region, String.valueOf(sourceSystem),
                String.valueOf(status), String.valueOf(currentVersion), String.valueOf(routedTo),
                String.valueOf(routingRuleVersion),
                amount == null ? "null" : amount.stripTrailingZeros().toPlainString(), String.valueOf(currency),
                String.valueOf(sourceKnown), String.valueOf(firstBusinessTime), String.valueOf(lastBusinessTime)));
        systems.values().forEach(row -> text.append('\n').append(row.canonical()));
        divergences.values().stream()
                .sorted(Comparator.comparing((OpenDivergence d) -> d.flag().name()).thenComparing(OpenDivergence::system))
                .forEach(d -> text.append('\n').append(d.flag()).append('|').append(d.system()).append('|')
                        .append(d.region()).append('|').append(d.since()).append('|').append(d.detail()));
        return text.toString();
    }
}
