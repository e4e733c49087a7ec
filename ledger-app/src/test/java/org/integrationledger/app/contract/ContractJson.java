package org.integrationledger.app.contract;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The committed form of the OpenAPI document: keys sorted, two-space indent, the server URL fixed. */
final class ContractJson {

    /** The server URL the document names once committed; the live one carries the test's random port. */
    static final String SERVER_URL = "http://localhost:8080";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private ContractJson() {
    }

    static String canonical(String liveDocument) {
        try {
            JsonNode document = JSON.readTree(liveDocument);
            for (JsonNode server : document.path("servers")) {
                ((ObjectNode) server).put("url", SERVER_URL);
            }
            Object sorted = JSON.treeToValue(document, Object.class);
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(printer).writeValueAsString(sorted) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
