package org.integrationledger.app.web;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and malformed bodies for every connector endpoint, each a valid body with one thing broken, so they get
 * past the JSON parser to the deeper rules. For each: a 4xx problem+json with a code, never 5xx, and nothing written
 * (no event, no {@code connector_message} row per request; no view row changed per property). 12 properties of
 * {@value #TRIES} tries each: 10,800 requests.
 */
class HostileRequestPropertiesTest extends LedgerIntegrationTest {

    static final int TRIES = 900;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "@@RAW@@";
    private static final String DUPLICATE = "@@DUPLICATE@@";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** The endpoints' body shapes, known before the ledger runs: the generators pick endpoints by what they hold. */
    private static final List<ConnectorEndpoints.Endpoint> SHAPES =
            new ConnectorEndpoints("PO-SHAPE", "INV-SHAPE", "SUP-SHAPE").all();
    private static final List<String> MONEY = List.of("totalAmount", "netAmount", "taxAmount", "grossAmount",
            "amount", "postedTotal");
    /** Fields that are numbers in the contract, whether a body writes them as JSON numbers or as decimal text. */
    private static final List<String> NUMBERS = List.of("totalAmount", "netAmount", "taxAmount", "grossAmount",
            "amount", "postedTotal", "quantity", "unitPrice", "lineNumber", "purchaseOrderLine", "version",
            "expectedLedgerVersion");
    private static final List<String> PROCESSORS = List.of("purchase-order-view", "supplier-view",
            "reconciliation-view", "trace-view", "invoice-view");
    /** Every table a refused request could have changed besides the event store and the idempotency table. */
    private static final List<String> VIEWS = List.of("purchase_order_view", "invoice_view", "invoice_exception_view",
            "invoice_payment_view", "supplier_view", "supplier_copy_view", "reconciliation_document",
            "reconciliation_flag", "trace_step", "duplicate_caught", "supplier_tax_id_claim", "invoice_number_claim",
            "invoice_po_fact");
    private static List<ConnectorEndpoints.Endpoint> endpoints;

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    private List<Long> writesAtStart;
    private List<Long> writes;
    private String views;

    @BeforeProperty
    void startLedger() throws Exception {
        // jqwik runs outside JUnit Jupiter: the shared Spring context (same configuration, so the same cached one)
        // is attached by hand, as Spring's own test support does for any test framework.
        new TestContextManager(getClass()).prepareTestInstance(this);
        synchronized (HostileRequestPropertiesTest.class) {
            if (endpoints == null) {
                endpoints = ConnectorEndpoints.prepare(new LedgerApi("http://localhost:" + port)).all();
            }
        }
        PROCESSORS.forEach(this::awaitCaughtUp);
        writes = writes();
        writesAtStart = writes;
        views = views();
    }

    @AfterProperty
    void noViewChanged() {
        if (!writes().equals(writesAtStart)) {
            // A request that wrote has failed its try already, with a message naming it; views follow from that.
            return;
        }
        PROCESSORS.forEach(this::awaitCaughtUp);
        assertThat(views()).as("view rows after the property").isEqualTo(views);
    }

    @Example
    void coversEveryConnectorCommandEndpointOfTheApiDocument() throws IOException {
        HttpResponse<String> document = send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build());
        List<String> commands = new ArrayList<>();
        JSON.readTree(document.body()).path("paths").fields().forEachRemaining(path -> {
            if (path.getValue().has("post") && path.getKey().matches(
                    "/api/v1/(purchase-orders|invoices|suppliers)/\\{[A-Za-z]+}/.+")) {
                commands.add(path.getKey());
            }
        });

        assertThat(endpoints).extracting(ConnectorEndpoints.Endpoint::template)
                .containsExactlyInAnyOrderElementsOf(commands);
    }

    @Property(tries = TRIES)
    void wrongTypesAreRefused(@ForAll("anyEndpoint") int endpoint, @ForAll("wrongType") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    @Property(tries = TRIES)
    void unknownFieldsAreRefused(@ForAll("anyEndpoint") int endpoint, @ForAll("unknownField") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    @Property(tries = TRIES)
    void hugeNumbersAreRefused(@ForAll("endpointWithNumbers") int endpoint, @ForAll("hugeNumber") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    @Property(tries = TRIES)
    void amountsOfTheWrongScaleAreRefused(@ForAll("endpointWithMoney") int endpoint,
                                          @ForAll("badScale") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    @Property(tries = TRIES)
    void badCurrenciesAreRefused(@ForAll("endpointWithMoney") int endpoint, @ForAll("badCurrency") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    @Property(tries = TRIES)
    void oversizedStringsAreRefused(@ForAll("anyEndpoint") int endpoint, @ForAll("oversizedString") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    @Property(tries = TRIES)
    void oversizedArraysAreRefused(@ForAll("endpointWithArrays") int endpoint,
                                   @ForAll("oversizedArray") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    @Property(tries = TRIES)
    void deepNestingIsRefused(@ForAll("anyEndpoint") int endpoint, @ForAll("deepNesting") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    @Property(tries = TRIES)
    void invalidUtf8IsRefused(@ForAll("anyEndpoint") int endpoint, @ForAll("invalidUtf8") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    @Property(tries = TRIES)
    void duplicateKeysAreRefused(@ForAll("anyEndpoint") int endpoint, @ForAll("duplicateKey") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    @Property(tries = TRIES)
    void truncatedJsonIsRefused(@ForAll("anyEndpoint") int endpoint, @ForAll("truncated") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    @Property(tries = TRIES)
    void wrongContentTypesAreRefused(@ForAll("anyEndpoint") int endpoint,
                                     @ForAll("wrongContentType") Mutation mutation) {
        assertRefusedWithoutWriting(endpoint, mutation);
    }

    private void assertRefusedWithoutWriting(int endpointIndex, Mutation mutation) {
        ConnectorEndpoints.Endpoint endpoint = endpoints.get(endpointIndex);
        JsonNode valid = JSON.valueToTree(endpoint.body().get());
        byte[] body = mutation.body(valid);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + ConnectorEndpoints.pathOf(endpoint)))
                .timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", endpoint.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (mutation.contentType() != null) {
            request.header("Content-Type", mutation.contentType());
        }
        HttpResponse<String> response = send(request.build());
        List<Long> before = writes;
        writes = writes();
        String what = endpoint + " with " + mutation + " answered " + response.statusCode() + " "
                + abbreviated(response.body());

        assertThat(response.statusCode()).as(what).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                .startsWith("application/problem+json");
        assertThat(codeOf(response.body())).as(what).isNotBlank();
        assertThat(writes).as("events and connector messages after " + what).isEqualTo(before);
    }

    @Provide
    Arbitrary<Integer> anyEndpoint() {
        return endpointsWhere(body -> true);
    }

    @Provide
    Arbitrary<Integer> endpointWithNumbers() {
        return endpointsWhere(body -> !numbers(body).isEmpty());
    }

    @Provide
    Arbitrary<Integer> endpointWithMoney() {
        return endpointsWhere(body -> MONEY.stream().anyMatch(body::has));
    }

    @Provide
    Arbitrary<Integer> endpointWithArrays() {
        return endpointsWhere(body -> !nodes(body, node -> node.isArray() && !node.isEmpty()).isEmpty());
    }

    @Provide
    Arbitrary<Mutation> wrongType() {
        return Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 9))
                .as((pick, variant) -> new Mutation("a value of the wrong type (node " + pick + ", variant "
                        + variant + ")", null, valid -> {
                    List<JsonPointer> targets = nodes(valid, node -> true);
                    JsonPointer target = targets.get(pick % targets.size());
                    JsonNode node = valid.at(target);
                    List<String> wrong = node.isTextual() ? List.of("{}", "[]", "true", "[\"x\"]", "{\"value\":\"x\"}")
                            : node.isNumber() ? List.of("\"one\"", "{}", "[]", "true", "\"\"")
                            : node.isBoolean() ? List.of("\"maybe\"", "{}", "[]", "\"\"")
                            : node.isArray() ? List.of("\"x\"", "42", "{}", "true")
                            : List.of("\"x\"", "42", "[]", "true");
                    return replaced(valid, target, wrong.get(variant % wrong.size()));
                }));
    }

    @Provide
    Arbitrary<Mutation> unknownField() {
        return Combinators.combine(Arbitraries.integers().between(0, 999),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                        Arbitraries.of("\"x\"", "1", "true", "null", "{}", "[]", "\"SAVE10\""))
                .as((pick, name, value) -> new Mutation("an unknown field unknown" + name + "=" + value, null,
                        valid -> {
                            List<JsonPointer> objects = new ArrayList<>(List.of(JsonPointer.empty()));
                            objects.addAll(nodes(valid, JsonNode::isObject));
                            ObjectNode target = (ObjectNode) valid.at(objects.get(pick % objects.size()));
                            target.put("unknown" + name, RAW);
                            return bytes(JSON.writeValueAsString(valid).replace(quoted(RAW), value));
                        }));
    }

    @Provide
    Arbitrary<Mutation> hugeNumber() {
        String digits40 = "9".repeat(40);
        return Combinators.combine(Arbitraries.integers().between(0, 999),
                        Arbitraries.of("1e1000000", "\"1e1000000\"", "-1e1000000", "1e-1000000", "\"1E+999999999\"",
                                "1e20", "\"1e20\"", digits40, quoted(digits40), digits40 + "." + digits40,
                                quoted("0." + "0".repeat(39) + "1"), "1" + "0".repeat(1000), "\" 1\"", "\"1 \"",
                                "\"0x10\"", "\"NaN\"", "\"Infinity\"", "-0.0e-7"))
                .as((pick, huge) -> new Mutation("the number " + abbreviated(huge) + " (node " + pick + ")", null,
                        valid -> {
                            List<JsonPointer> numbers = numbers(valid);
                            return replaced(valid, numbers.get(pick % numbers.size()), huge);
                        }));
    }

    @Provide
    Arbitrary<Mutation> badScale() {
        return Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.integers().between(1, 12))
                .as((pick, extraDigits) -> new Mutation("an amount with " + extraDigits + " more decimals", null,
                        valid -> {
                            List<JsonPointer> amounts = nodes(valid, null).stream()
                                    .filter(pointer -> MONEY.contains(pointer.last().getMatchingProperty()))
                                    .toList();
                            JsonPointer target = amounts.get(pick % amounts.size());
                            String amount = valid.at(target).asText();
                            String scaled = (amount.contains(".") ? amount : amount + ".")
                                    + "0".repeat(extraDigits - 1) + "1";
                            return replaced(valid, target, quoted(scaled));
                        }));
    }

    @Provide
    Arbitrary<Mutation> badCurrency() {
        return Arbitraries.of("XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XSU", "XUA", "usd", "US", "USDD",
                        "", " USD", "U$D", "ZZZ", "123", "ÜSD")
                .map(currency -> new Mutation("the currency '" + currency + "'", null,
                        valid -> replaced(valid, JsonPointer.compile("/currency"), quoted(currency))));
    }

    @Provide
    Arbitrary<Mutation> oversizedString() {
        return Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.integers().between(1_001, 20_000),
                        Arbitraries.of('a', 'Z', '7', 'ä', '軸'))
                .as((pick, length, letter) -> new Mutation("a string of " + length + " '" + letter + "'", null,
                        valid -> {
                            List<JsonPointer> texts = nodes(valid, JsonNode::isTextual);
                            return replaced(valid, texts.get(pick % texts.size()),
                                    quoted(String.valueOf(letter).repeat(length)));
                        }));
    }

    @Provide
    Arbitrary<Mutation> oversizedArray() {
        return Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.integers().between(1_001, 1_500))
                .as((pick, size) -> new Mutation("an array of " + size + " elements", null, valid -> {
                    List<JsonPointer> arrays = nodes(valid, node -> node.isArray() && !node.isEmpty());
                    ArrayNode array = (ArrayNode) valid.at(arrays.get(pick % arrays.size()));
                    JsonNode first = array.get(0);
                    while (array.size() < size) {
                        array.add(first.deepCopy());
                    }
                    return bytes(JSON.writeValueAsString(valid));
                }));
    }

    @Provide
    Arbitrary<Mutation> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.integers().between(100, 3_000),
                        Arbitraries.of("[", "{\"a\":"))
                .as((pick, depth, opening) -> new Mutation(depth + " levels of " + opening, null, valid -> {
                    List<JsonPointer> targets = nodes(valid, node -> true);
                    String closing = opening.equals("[") ? "]" : "}";
                    return replaced(valid, targets.get(pick % targets.size()),
                            opening.repeat(depth) + "1" + closing.repeat(depth));
                }));
    }

    @Provide
    Arbitrary<Mutation> invalidUtf8() {
        List<byte[]> invalid = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFE});
        return Combinators.combine(Arbitraries.integers().between(0, 999),
                        Arbitraries.integers().between(0, invalid.size() - 1), Arbitraries.integers().between(0, 2))
                .as((pick, which, where) -> new Mutation("invalid UTF-8 sequence " + which + " at " + where, null,
                        valid -> {
                            List<JsonPointer> texts = nodes(valid, JsonNode::isTextual);
                            JsonPointer target = texts.get(pick % texts.size());
                            String text = valid.at(target).asText();
                            int at = where == 0 ? 0 : where == 1 ? text.length() / 2 : text.length();
                            String json = new String(replaced(valid, target, quoted(RAW)), StandardCharsets.UTF_8);
                            int placeholder = json.indexOf(RAW);
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            out.writeBytes(bytes(json.substring(0, placeholder) + escapedText(text.substring(0, at))));
                            out.writeBytes(invalid.get(which));
                            out.writeBytes(bytes(escapedText(text.substring(at))
                                    + json.substring(placeholder + RAW.length())));
                            return out.toByteArray();
                        }));
    }

    @Provide
    Arbitrary<Mutation> duplicateKey() {
        return Arbitraries.integers().between(0, 999).map(pick -> new Mutation("a key given twice (field " + pick + ")",
                null, valid -> {
            List<JsonPointer> members = nodes(valid, null).stream()
                    .filter(pointer -> pointer.last().getMatchingProperty() != null
                            && valid.at(pointer.head()).isObject())
                    .toList();
            JsonPointer member = members.get(pick % members.size());
            ObjectNode parent = (ObjectNode) valid.at(member.head());
            parent.set(DUPLICATE, valid.at(member).deepCopy());
            return bytes(JSON.writeValueAsString(valid)
                    .replace(quoted(DUPLICATE), quoted(member.last().getMatchingProperty())));
        }));
    }

    @Provide
    Arbitrary<Mutation> truncated() {
        return Arbitraries.integers().between(0, 999).map(perMille -> new Mutation("the body cut after "
                + perMille + " per mille", null, valid -> {
            byte[] json = bytes(JSON.writeValueAsString(valid));
            return Arrays.copyOf(json, json.length * perMille / 1000);
        }));
    }

    @Provide
    Arbitrary<Mutation> wrongContentType() {
        return Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/octet-stream", "text/html", "image/png", "none")
                .map(type -> new Mutation("Content-Type " + type, type.equals("none") ? null : type,
                        valid -> bytes(JSON.writeValueAsString(valid))));
    }

    /** One broken thing, applied to a valid body; {@code contentType} null sends none. */
    record Mutation(String description, String contentType, BodyChange change) {

        Mutation {
            contentType = contentType == null && !description.startsWith("Content-Type")
                    ? "application/json" : contentType;
        }

        byte[] body(JsonNode valid) {
            try {
                return change.change(valid);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** Turns a valid body (a copy of its own to change) into the bytes to send. */
    @FunctionalInterface
    interface BodyChange {

        byte[] change(JsonNode valid) throws IOException;
    }

    private static Arbitrary<Integer> endpointsWhere(Predicate<JsonNode> holds) {
        List<Integer> matching = IntStream.range(0, SHAPES.size())
                .filter(index -> holds.test(JSON.valueToTree(SHAPES.get(index).body().get())))
                .boxed()
                .toList();
        return Arbitraries.of(matching);
    }

    /** The pointers of every node below the root that the filter accepts (all, when it is null). */
    private static List<JsonPointer> nodes(JsonNode root, Predicate<JsonNode> filter) {
        List<JsonPointer> found = new ArrayList<>();
        collect(root, JsonPointer.empty(), filter == null ? node -> true : filter, found);
        return found;
    }

    private static void collect(JsonNode node, JsonPointer at, Predicate<JsonNode> filter, List<JsonPointer> found) {
        if (!at.matches() && filter.test(node)) {
            found.add(at);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), at.appendProperty(field.getKey()), filter, found);
            }
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                collect(node.get(index), at.appendIndex(index), filter, found);
            }
        }
    }

    /** The numeric fields of a body (a text field that happens to hold digits, a document number, is not one). */
    private static List<JsonPointer> numbers(JsonNode body) {
        return nodes(body, null).stream()
                .filter(pointer -> NUMBERS.contains(pointer.last().getMatchingProperty()))
                .toList();
    }

    /** The valid body with the node at {@code target} replaced by raw JSON text (which may be no valid JSON). */
    private static byte[] replaced(JsonNode valid, JsonPointer target, String raw) throws IOException {
        JsonNode parent = valid.at(target.head());
        if (parent instanceof ObjectNode object) {
            object.set(target.last().getMatchingProperty(), TextNode.valueOf(RAW));
        } else {
            ((ArrayNode) parent).set(target.last().getMatchingIndex(), TextNode.valueOf(RAW));
        }
        return bytes(JSON.writeValueAsString(valid).replace(quoted(RAW), raw));
    }

    private static String escapedText(String text) throws IOException {
        String quoted = JSON.writeValueAsString(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String codeOf(String problem) {
        try {
            return JSON.readTree(problem).path("code").asText("");
        } catch (IOException notJson) {
            return "";
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private List<Long> writes() {
        return jdbc.queryForObject("SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry), "
                + "(SELECT count(*) FROM connector_message)", (row, n) -> List.of(row.getLong(1), row.getLong(2)));
    }

    private String views() {
        StringBuilder checksums = new StringBuilder();
        for (String view : VIEWS) {
            checksums.append(view).append('=').append(jdbc.queryForObject("SELECT md5(coalesce(string_agg(md5(v::text), "
                    + "'' ORDER BY md5(v::text)), '')) FROM " + view + " v", String.class)).append(' ');
        }
        return checksums.toString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the ledger did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
