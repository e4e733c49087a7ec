package org.integrationledger.query.audit;

import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit answers for readers outside this package (the operations console): a document's history from the
 * event store and a purchase order as the ledger knew it at a past recorded instant, by the same code as the
 * audit API.
 */
@Component
public class AuditReads {

    private final StoredEvents events;
    private final HistoryEntries entries;
    private final AsOfReplays replays;

    AuditReads(StoredEvents events, HistoryEntries entries, AsOfReplays replays) {
        this.events = events;
        this.entries = entries;
        this.replays = replays;
    }

    /** One page of a document's history in its own order; an empty page of total 0 when nothing is recorded. */
    @Transactional(readOnly = true)
    public DocumentHistory history(DocumentKind kind, String id, PageRequest page) {
        String key = kind.key(id);
        long total = events.countOf(key);
        List<HistoryEntry> pageOfEntries = total == 0 ? List.of()
                : events.pageOf(key, page.page(), page.size()).stream().map(entries::of).toList();
        return new DocumentHistory(id, kind.label(), page.page(), page.size(), total, pageOfEntries);
    }

    /** The whole history of a document as the audit API's CSV export. */
    @Transactional(readOnly = true)
    public String historyCsv(DocumentKind kind, String id) {
        StringBuilder body = new StringBuilder(HistoryCsv.HEADER);
        events.eachOf(kind.key(id), row -> body.append(HistoryCsv.row(entries.of(row))));
        return body.toString();
    }

    /** A purchase order rebuilt from exactly the events recorded at or before {@code recordedAt}. */
    @Transactional(readOnly = true)
    public Optional<PurchaseOrderSummary> purchaseOrderAsOf(PurchaseOrderId id, Instant recordedAt) {
        return replays.purchaseOrder(id, recordedAt);
    }
}
