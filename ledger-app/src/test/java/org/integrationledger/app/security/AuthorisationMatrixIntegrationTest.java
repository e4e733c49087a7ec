package org.integrationledger.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.MatrixPrincipals;
import org.integrationledger.app.support.PurchaseOrderRequests;
import org.integrationledger.app.support.MatrixPrincipals.Principal;
import org.integrationledger.app.web.ConnectorEndpoints;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The authorisation matrix, generated from the live OpenAPI document: every operation, called as every principal
 * (anonymous, each role, each connector system), answers 401 to the anonymous, 403 problem+json to a principal
 * lacking what its {@code x-required-roles} declares (with nothing written), and neither 401 nor 403 to one holding
 * it (2xx, or 4xx for the input). An operation without {@code x-required-roles} fails the test.
 */
class AuthorisationMatrixIntegrationTest extends LedgerIntegrationTest {

    private static final String CONNECTOR = "connector:";
    private static final String REPORTING_SYSTEM = "{reportingSystem}";
    private static final Set<String> REFUSAL_CODES = Set.of("role-required", "admin-required", "system-not-permitted");
    /** Roles that include viewer (LedgerRole.granted). */
    private static final Set<String> INCLUDE_VIEWER = Set.of("auditor", "approver", "admin");
    private static final List<String> PROJECTIONS = List.of("purchase-order-view", "supplier-view",
            "reconciliation-view", "trace-view", "invoice-view");

    /** One call of the matrix: method, concrete path, body (null: none) and what the operation declares. */
    private record Call(String method, String template, Supplier<String> path, Supplier<Map<String, Object>> body,
                        List<String> requiredRoles) {
    }

    @Test
    void everyOperationAnswersEveryPrincipalAsItsDeclaredRolesSay() {
        ConnectorEndpoints prepared = ConnectorEndpoints.prepare(api);
        Map<String, ConnectorEndpoints.Endpoint> connectorEndpoints = prepared.all().stream()
                .collect(Collectors.toMap(ConnectorEndpoints.Endpoint::template, Function.identity()));
        List<Call> calls = calls(prepared, connectorEndpoints);
        assertThat(calls).hasSizeGreaterThan(40);
        awaitQuiet();

        List<String> problems = new ArrayList<>();
        int forbidden = 0;
        int allowed = 0;
        // Every refusal first, on a quiet ledger, so the totals prove that no refused call wrote anything.
        for (Call call : calls) {
            long eventsBefore = events.totalEvents();
            long messagesBefore = events.acceptedMessages();
            for (Principal principal : MatrixPrincipals.all()) {
                Map<String, Object> body = call.body() == null ? null : call.body().get();
                if (holds(principal, call.requiredRoles(), body)) {
                    continue;
                }
                forbidden++;
                LedgerApi.Response answer = send(call, principal, body);
                String where = call.method() + " " + call.template() + " as " + principal + " " + answer;
                if (principal.apiKey() == null) {
                    expect(problems, answer.status() == 401 && "unauthenticated".equals(answer.code()), where);
                    continue;
                }
                expect(problems, answer.status() == 403 && answer.contentType().startsWith("application/problem+json")
                        && REFUSAL_CODES.contains(answer.code()), where);
                if ("role-required".equals(answer.code()) || "admin-required".equals(answer.code())) {
                    List<String> named = new ArrayList<>();
                    answer.body().path("requiredRoles").forEach(role -> named.add(role.asText()));
                    expect(problems, named.equals(call.requiredRoles()), where + " names " + named);
                }
            }
            expect(problems, events.totalEvents() == eventsBefore && events.acceptedMessages() == messagesBefore,
                    call.method() + " " + call.template() + " wrote although every caller was refused");
        }
        for (Call call : calls) {
            for (Principal principal : MatrixPrincipals.CONFIGURED) {
                Map<String, Object> body = call.body() == null ? null : call.body().get();
                if (!holds(principal, call.requiredRoles(), body)) {
                    continue;
                }
                allowed++;
                LedgerApi.Response answer = send(call, principal, body);
                expect(problems, answer.status() != 401 && answer.status() != 403 && answer.status() < 500,
                        call.method() + " " + call.template() + " as " + principal + " " + answer);
            }
        }

        assertThat(problems).as("%d refused and %d allowed calls", forbidden, allowed).isEmpty();
        assertThat(allowed).isGreaterThanOrEqualTo(calls.size());
        awaitNoRebuildRunning();
    }

    /** Every operation of the live OpenAPI document, with a path and body that are valid where one is known. */
    private List<Call> calls(ConnectorEndpoints prepared, Map<String, ConnectorEndpoints.Endpoint> connectorEndpoints) {
        JsonNode spec = api.get("/v3/api-docs", null).body();
        Map<String, String> pathValues = Map.ofEntries(
                Map.entry("purchaseOrderId", prepared.purchaseOrderId()),
                Map.entry("invoiceId", prepared.invoiceId()),
                Map.entry("supplierId", prepared.supplierId()),
                Map.entry("aggregateId", prepared.purchaseOrderId()),
                Map.entry("documentId", prepared.purchaseOrderId()),
                Map.entry("businessKey", prepared.purchaseOrderId()),
                Map.entry("documentType", "PURCHASE_ORDER"),
                Map.entry("rule", "po-approved-to-posted"),
                // A projection that does not exist: only POST .../rebuild (all of them) really rebuilds.
                Map.entry("name", "no-such-projection"),
                // Nothing is parked for the prepared order: retry and evict answer 404 to an admin.
                Map.entry("processor", "purchase-order-view"),
                Map.entry("sequence", prepared.purchaseOrderId()));
        Map<String, String> requiredQueryValues = Map.of(
                "recordedAt", "2026-11-30T00:00:00Z",
                "periodEnd", "2026-12-31",
                "rule", "po-approved-to-posted",
                "from", "2026-11-01T00:00:00Z",
                "to", "2026-12-01T00:00:00Z",
                "correlationId", "no-such-correlation");
        List<Call> calls = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String template = path.getKey();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = operations.next();
                String method = entry.getKey().toUpperCase();
                JsonNode operation = entry.getValue();
                JsonNode declared = operation.path(OperationRolesDocumentation.EXTENSION);
                if (!declared.isArray() || declared.isEmpty()) {
                    undeclared.add(method + " " + template);
                    continue;
                }
                List<String> requiredRoles = new ArrayList<>();
                declared.forEach(role -> requiredRoles.add(role.asText()));
                ConnectorEndpoints.Endpoint endpoint = "POST".equals(method) ? connectorEndpoints.get(template) : null;
                if (endpoint != null) {
                    calls.add(new Call(method, template, () -> ConnectorEndpoints.pathOf(endpoint), endpoint.body(),
                            requiredRoles));
                    continue;
                }
                String concrete = template;
                List<String> query = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    String name = parameter.path("name").asText();
                    if ("path".equals(parameter.path("in").asText())) {
                        String value = pathValues.get(name);
                        assertThat(value).as("an example value of path parameter %s (%s %s)", name, method, template)
                                .isNotNull();
                        concrete = concrete.replace("{" + name + "}", value);
                    } else if ("query".equals(parameter.path("in").asText())
                            && parameter.path("required").asBoolean()) {
                        String value = requiredQueryValues.get(name);
                        assertThat(value).as("an example value of query parameter %s (%s %s)", name, method, template)
                                .isNotNull();
                        query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                    }
                }
                String target = query.isEmpty() ? concrete : concrete + "?" + String.join("&", query);
                Supplier<Map<String, Object>> body = operation.has("requestBody") ? LinkedHashMap::new : null;
                if (BATCH.equals(template)) {
                    // One order's issue in a batch: the batch admits any connector and checks each message's system
                    // inside, so a connector of another system gets 200 with a refused outcome, never a write.
                    body = () -> new LinkedHashMap<>(Map.of("messages", List.of(Map.of(
                            "command", "purchase-orders/issue", "documentId", PurchaseOrderRequests.newPurchaseOrderId(),
                            "body", PurchaseOrderRequests.issue("US01", "USD")))));
                }
                calls.add(new Call(method, template, () -> target, body, requiredRoles));
            }
        }
        if (!undeclared.isEmpty()) {
            fail("operations without x-required-roles: " + undeclared);
        }
        return calls;
    }

    private static final String BATCH = "/api/v1/messages";

    /** Whether the principal holds every entry the operation declares, for this body's reporting system. */
    private static boolean holds(Principal principal, List<String> requiredRoles, Map<String, Object> body) {
        for (String required : requiredRoles) {
            if (required.startsWith(CONNECTOR)) {
                String system = required.substring(CONNECTOR.length());
                if (REPORTING_SYSTEM.equals(system) && body != null && body.containsKey("messages")) {
                    if (principal.systems().isEmpty()) {
                        return false;
                    }
                    continue;
                }
                if (REPORTING_SYSTEM.equals(system)) {
                    system = body == null ? null : String.valueOf(body.get("reportingSystem"));
                }
                if (!principal.systems().contains(system)) {
                    return false;
                }
            } else if (!principal.roles().contains(required)
                    && !("viewer".equals(required) && principal.roles().stream().anyMatch(INCLUDE_VIEWER::contains))) {
                return false;
            }
        }
        return true;
    }

    private LedgerApi.Response send(Call call, Principal principal, Map<String, Object> body) {
        String path = call.path().get();
        return switch (call.method()) {
            case "GET" -> api.get(path, principal.apiKey());
            case "DELETE" -> api.delete(path, principal.apiKey());
            case "POST" -> api.post(path, principal.apiKey(), body == null ? "" : body);
            default -> throw new IllegalStateException("no request for method " + call.method());
        };
    }

    private static void expect(List<String> problems, boolean holds, String what) {
        if (!holds) {
            problems.add(what);
        }
    }

    /** Waits until the policies and sagas answering the prepared documents have stopped writing. */
    private void awaitQuiet() {
        long[] last = {-1, -1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long[] now = {events.totalEvents(), events.acceptedMessages()};
            boolean quiet = now[0] == last[0] && now[1] == last[1];
            last[0] = now[0];
            last[1] = now[1];
            return quiet;
        });
    }

    /** The admin's POST .../rebuild started a rebuild of every projection: let it end before other tests run. */
    private void awaitNoRebuildRunning() {
        String adminKey = MatrixPrincipals.CONFIGURED.stream().filter(p -> p.name().equals("admin")).findFirst()
                .orElseThrow().apiKey();
        await().atMost(Duration.ofSeconds(60)).until(() -> PROJECTIONS.stream().noneMatch(projection -> Set.of(
                "RUNNING", "SWITCHING").contains(api.get("/api/v1/audit/projections/" + projection + "/rebuild",
                adminKey).body().path("state").asText())));
    }
}
