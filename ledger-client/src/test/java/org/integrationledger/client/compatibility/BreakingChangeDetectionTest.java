package org.integrationledger.client.compatibility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility check fails on what breaks a connector and passes what does not: each case takes the released
 * contract, changes one thing, and compares.
 */
class BreakingChangeDetectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUE = "/api/v1/purchase-orders/{purchaseOrderId}/issue";
    private static final String CLOSURE = "/api/v1/purchase-orders/{purchaseOrderId}/closure";

    private ObjectNode released;

    @BeforeEach
    void readReleased() throws IOException {
        released = (ObjectNode) JSON.readTree(Files.readString(ReleasedContractCompatibilityTest.RELEASED));
    }

    @Test
    void theReleasedContractIsCompatibleWithItself() {
        assertThat(compare(released, released.deepCopy()).compatible()).isTrue();
    }

    @Test
    void aNewRequiredRequestFieldBreaks() {
        ObjectNode current = released.deepCopy();
        ObjectNode issue = schema(current, "IssueRequest");
        ((ObjectNode) issue.get("properties")).putObject("costCenter").put("type", "string");
        ((ArrayNode) issue.get("required")).add("costCenter");

        ContractCompatibility.Verdict verdict = compare(released, current);

        assertThat(verdict.breaking()).contains("POST " + ISSUE + " changed incompatibly");
    }

    @Test
    void aRemovedOperationBreaks() {
        ObjectNode current = released.deepCopy();
        ((ObjectNode) current.get("paths")).remove(CLOSURE);

        assertThat(compare(released, current).breaking()).containsExactly("POST " + CLOSURE + " removed");
    }

    @Test
    void aNarrowedRequestEnumBreaks() {
        ObjectNode current = released.deepCopy();
        ArrayNode statuses = (ArrayNode) schema(current, "PostingAcknowledgmentRequest").at("/properties/erpStatus/enum");
        assertThat(statuses).extracting(node -> node.asText()).contains("CLOSED");
        removeText(statuses, "CLOSED");

        assertThat(compare(released, current).breaking())
                .contains("POST /api/v1/purchase-orders/{purchaseOrderId}/erp-postings changed incompatibly");
    }

    @Test
    void aRemovedResponseFieldBreaks() {
        ObjectNode current = released.deepCopy();
        ObjectNode invoice = schema(current, "InvoiceSummary");
        assertThat(((ObjectNode) invoice.get("properties")).remove("fiscalPeriod")).isNotNull();

        assertThat(compare(released, current).breaking())
                .containsExactly("GET /api/v1/invoices/{invoiceId} no longer answers 200 */* fiscalPeriod");
    }

    @Test
    void aNewOptionalFieldANewOperationAndNewExtensionsAreCompatible() {
        ObjectNode current = released.deepCopy();
        ((ObjectNode) schema(current, "IssueRequest").get("properties")).putObject("costCenter").put("type", "string");
        ObjectNode paths = (ObjectNode) current.get("paths");
        paths.set("/api/v1/purchase-orders/{purchaseOrderId}/notes", paths.get(CLOSURE).deepCopy());
        // Another change names the roles each operation needs in an extension; extensions are not the shape a
        // client depends on, so they must not trip the check.
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> path = paths.fields(); path.hasNext(); ) {
            path.next().getValue().forEach(operation ->
                    ((ObjectNode) operation).putArray("x-required-roles").add("connector:PROCUREMENT"));
        }

        ContractCompatibility.Verdict verdict = compare(released, current);

        assertThat(verdict.breaking()).as(verdict.report()).isEmpty();
    }

    @Test
    void anOperationDeprecatedInTheReleasedContractMayGo() {
        ObjectNode deprecating = released.deepCopy();
        ((ObjectNode) deprecating.at("/paths").get(CLOSURE).get("post")).put("deprecated", true);
        ObjectNode current = deprecating.deepCopy();
        ((ObjectNode) current.get("paths")).remove(CLOSURE);

        ContractCompatibility.Verdict verdict = compare(deprecating, current);

        assertThat(verdict.compatible()).isTrue();
        assertThat(verdict.allowedBecauseDeprecated()).containsExactly(
                "POST " + CLOSURE + " removed (deprecated in the released contract)");
    }

    @Test
    void deprecatingAnOperationWithoutReleasingTheDeprecationFirstDoesNotLetItBreak() {
        ObjectNode current = released.deepCopy();
        ObjectNode issue = (ObjectNode) current.at("/paths").get(ISSUE).get("post");
        issue.put("deprecated", true);
        ObjectNode request = schema(current, "IssueRequest");
        ((ObjectNode) request.get("properties")).putObject("costCenter").put("type", "string");
        ((ArrayNode) request.get("required")).add("costCenter");

        assertThat(compare(released, current).breaking()).contains("POST " + ISSUE + " changed incompatibly");
    }

    private static ContractCompatibility.Verdict compare(ObjectNode released, ObjectNode current) {
        return ContractCompatibility.compare(released.toString(), current.toString());
    }

    private static ObjectNode schema(ObjectNode document, String name) {
        ObjectNode schema = (ObjectNode) document.at("/components/schemas/" + name);
        assertThat(schema).as(name).isNotNull();
        return schema;
    }

    private static void removeText(ArrayNode values, String text) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).asText().equals(text)) {
                values.remove(i);
                return;
            }
        }
    }
}
