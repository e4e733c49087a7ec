package org.integrationledger.app.console;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A table of a page as a CSV download ({@code ?format=csv}): RFC 4180 quoting, a header row, UTF-8. */
record CsvExport(String fileName, List<String> header, List<List<String>> rows) {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    static boolean requested(String format) {
        return "csv".equalsIgnoreCase(format);
    }

    ResponseEntity<String> response() {
        StringBuilder body = new StringBuilder();
        line(body, header);
        rows.forEach(row -> line(body, row));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(body.toString());
    }

    /** One CSV record of {@code cells}, ended by CRLF. */
    static String line(List<String> cells) {
        StringBuilder body = new StringBuilder();
        line(body, cells);
        return body.toString();
    }

    private static void line(StringBuilder body, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(cell(cells.get(i)));
        }
        body.append("\r\n");
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        // A leading =, +, - or @ would run as a formula in a spreadsheet; a quote mark keeps it text.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
