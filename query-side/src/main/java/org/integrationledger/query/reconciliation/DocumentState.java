package org.integrationledger.query.reconciliation;

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
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * One document as the reconciliation projection keeps it (table {@code reconciliation_document}): the source's
 * state, the routing decision, every system's row and the divergences open now. Immutable: each {@code with...}
 * answers a new state and shares what it does not change (a document's systems and divergences are a handful, so a
 * change to them copies that map alone), so a state once applied (held by a batch, a rebuild's memory or a replay)
 * stays what it was.
 *
 * @param parentKey         the document this one belongs to: an invoice's purchase order, a payment's invoice
 * @param sourceKnown       true once the source system reported the document (false while known only downstream)
 * @param sourceReportedAt  business time the source reported it (issue of a PO), the start of "not acknowledged"
 * @param versionChangedAt  business time of the current version (an amendment), the start of "version behind"
 * @param statusChangedAt   business time of the last status change at the source (cancellation, closure)
 * @param systems           each system's row by system id, in id order
 * @param divergences       the divergences open now, by flag and system
 */
record DocumentState(DocumentType type, String id, String businessKey, String parentKey, String supplierId,
                     String legalEntity, String region, String sourceSystem, DocumentStatus status,
                     int currentVersion, String routedTo, Integer routingRuleVersion, BigDecimal amount,
                     String currency, boolean sourceKnown, Instant sourceReportedAt, Instant versionChangedAt,
                     Instant statusChangedAt, Instant firstBusinessTime, Instant lastBusinessTime,
                     Instant lastRecordedAt, SortedMap<String, SystemRow> systems,
                     Map<OpenDivergence.Key, OpenDivergence> divergences) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    /**
     * The maps are taken as views that cannot change them: callers hand over maps they no longer change (the
     * {@code with...} methods a fresh copy, {@link #loaded} its own).
     */
    DocumentState {
        systems = Collections.unmodifiableSortedMap(systems);
        divergences = Collections.unmodifiableMap(divergences);
    }

    /** A document no event has touched yet. */
    DocumentState(DocumentType type, String id) {
        this(type, id, id, null, null, null, SystemRegions.GLOBAL, null, null, 0, null, null, null, null, false, null,
                null, null, null, null, null, new TreeMap<>(), new LinkedHashMap<>());
    }

    /** The document as read from its tables: its row, then its systems' rows and its flags. */
    DocumentState loaded(Collection<SystemRow> loadedSystems, Collection<OpenDivergence> loadedDivergences) {
        SortedMap<String, SystemRow> rows = new TreeMap<>(systems);
        loadedSystems.forEach(row -> rows.put(row.system(), row));
        Map<OpenDivergence.Key, OpenDivergence> open = new LinkedHashMap<>(divergences);
        loadedDivergences.forEach(divergence -> open.put(divergence.key(), divergence));
        return withSystems(rows).withOpen(open);
    }

    DocumentKey key() {
        return new DocumentKey(type, id);
    }

    DocumentState withBusinessKey(String changed) {
        return new DocumentState(type, id, changed, parentKey, supplierId, legalEntity, region, sourceSystem, status,
                currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    DocumentState withParentKey(String changed) {
        return new DocumentState(type, id, businessKey, changed, supplierId, legalEntity, region, sourceSystem, status,
                currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    DocumentState withSupplierId(String changed) {
        return new DocumentState(type, id, businessKey, parentKey, changed, legalEntity, region, sourceSystem, status,
                currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    DocumentState withLegalEntity(String changed) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, changed, region, sourceSystem, status,
                currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    DocumentState withRegion(String changed) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, changed, sourceSystem,
                status, currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    DocumentState withSourceSystem(String changed) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, changed, status,
                currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    DocumentState withCurrentVersion(int changed) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                status, changed, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    DocumentState withRoutedTo(String changed) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                status, currentVersion, changed, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    DocumentState withRoutingRuleVersion(Integer changed) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                status, currentVersion, routedTo, changed, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    DocumentState withSourceKnown(boolean changed) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                status, currentVersion, routedTo, routingRuleVersion, amount, currency, changed, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    DocumentState withSourceReportedAt(Instant changed) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                status, currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, changed,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    DocumentState withVersionChangedAt(Instant changed) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                status, currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                changed, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems, divergences);
    }

    DocumentState withStatus(DocumentStatus changed) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                changed, currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                divergences);
    }

    /** A status the source changed at {@code at} (a cancellation, a closure). */
    DocumentState withStatus(DocumentStatus changed, Instant at) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                changed, currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, at, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems, divergences);
    }

    /** The document's amount, as the source reports it. */
    DocumentState withAmount(Money total) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                status, currentVersion, routedTo, routingRuleVersion, total.amount(), total.currency().value(),
                sourceKnown, sourceReportedAt, versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime,
                lastRecordedAt, systems, divergences);
    }

    /** Records that something happened to the document at this business time, recorded at that instant. */
    DocumentState touched(Instant businessTime, Instant recordedAt) {
        Instant first = firstBusinessTime == null || businessTime.isBefore(firstBusinessTime) ? businessTime
                : firstBusinessTime;
        Instant last = lastBusinessTime == null || businessTime.isAfter(lastBusinessTime) ? businessTime
                : lastBusinessTime;
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                status, currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, first, last, recordedAt, systems, divergences);
    }

    /** The system's row, or a new one if the document has none for it yet (not added until {@link #with}). */
    SystemRow system(String system) {
        SystemRow row = systems.get(system);
        return row == null ? new SystemRow(system) : row;
    }

    /** The document with this system's row, added or replacing the one it had. */
    DocumentState with(SystemRow row) {
        SortedMap<String, SystemRow> changed = new TreeMap<>(systems);
        changed.put(row.system(), row);
        return withSystems(changed);
    }

    /** The document with the system's row (a new one if it has none yet) changed. */
    DocumentState withSystem(String system, UnaryOperator<SystemRow> change) {
        return with(change.apply(system(system)));
    }

    /** The document with every system's row changed (a row answered unchanged is kept as it was). */
    DocumentState withEachSystem(UnaryOperator<SystemRow> change) {
        SortedMap<String, SystemRow> changed = new TreeMap<>();
        boolean any = false;
        for (SystemRow row : systems.values()) {
            SystemRow next = change.apply(row);
            any |= next != row;
            changed.put(next.system(), next);
        }
        return any ? withSystems(changed) : this;
    }

    private DocumentState withSystems(SortedMap<String, SystemRow> changed) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                status, currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt,
                Collections.unmodifiableSortedMap(changed), divergences);
    }

    /** The document with these divergences open, keeping the earliest start of each one that was already open. */
    DocumentState withDivergences(List<OpenDivergence> now) {
        Map<OpenDivergence.Key, OpenDivergence> open = new LinkedHashMap<>();
        for (OpenDivergence divergence : now) {
            OpenDivergence before = divergences.get(divergence.key());
            OpenDivergence kept = before != null && before.since().isBefore(divergence.since())
                    ? divergence.since(before.since()) : divergence;
            open.merge(kept.key(), kept, (a, b) -> a.since().isBefore(b.since()) ? a : b);
        }
        return open.equals(divergences) ? this : withOpen(open);
    }

    private DocumentState withOpen(Map<OpenDivergence.Key, OpenDivergence> open) {
        return new DocumentState(type, id, businessKey, parentKey, supplierId, legalEntity, region, sourceSystem,
                status, currentVersion, routedTo, routingRuleVersion, amount, currency, sourceKnown, sourceReportedAt,
                versionChangedAt, statusChangedAt, firstBusinessTime, lastBusinessTime, lastRecordedAt, systems,
                Collections.unmodifiableMap(open));
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
