package org.integrationledger.query.audit;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CSV (RFC 4180) rendering of history entries for audit working papers; the payload is one quoted JSON cell. */
final class HistoryCsv {

    static final String HEADER = "global_index,aggregate_id,sequence_number,event_type,revision,recorded_at,"
            + "business_time,reporting_system,connector_id,message_id,correlation_id,causation_id,event_id,"
            + "payload_type,payload\r\n";

    private HistoryCsv() {
    }

    static String row(HistoryEntry e) {
        return Stream.of(e.globalIndex(), e.aggregateId(), e.sequenceNumber(), e.eventType(), e.revision(),
                        e.recordedAt(), e.businessTime(), e.reportingSystem(), e.connectorId(), e.messageId(),
                        e.correlationId(), e.causationId(), e.eventId(), e.payloadType(), e.payload())
                .map(HistoryCsv::cell)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // Quote anything a spreadsheet could misread; a leading = + - @ is neutralised against formula injection.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
