package org.integrationledger.query.controls;

import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.controls.ControlViolation;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The controls report as CSV, one violation per line; its evidence in one cell, each event as
 * {@code documentType/documentId#sequence eventType business=… recorded=…}, separated by {@code " | "}.
 */
final class ControlViolationCsv {

    static final String HEADER = "violation_id,kind,invoice_id,payment_reference,supplier_id,legal_entity,region,"
            + "reporting_system,business_time,recorded_at,paid_account,golden_record_account,golden_record_version,"
            + "not_yet_acknowledged_by,detail,evidence\r\n";

    private ControlViolationCsv() {
    }

    static String row(ControlViolation v) {
        return Stream.of(v.violationId(), v.kind(), v.invoiceId(), v.paymentReference(), v.supplierId(),
                        v.legalEntity(), v.region(), v.reportingSystem(), v.businessTime(), v.recordedAt(),
                        v.paidAccount(), v.goldenRecordAccount(), v.goldenRecordVersion(), v.notYetAcknowledgedBy(),
                        v.detail(), v.evidence().stream().map(ControlViolationCsv::evidence)
                                .collect(Collectors.joining(" | ")))
                .map(ControlViolationCsv::cell)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String evidence(ControlEvidence e) {
        return e.documentType() + "/" + e.documentId() + "#" + e.sequenceNumber() + " " + e.eventType()
                + " business=" + e.businessTime() + " recorded=" + e.recordedAt();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading = + - @ is neutralised against formula injection (the masked accounts start with *).
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
