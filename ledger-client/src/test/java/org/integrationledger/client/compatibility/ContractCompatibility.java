package org.integrationledger.client.compatibility;

import io.swagger.v3.oas.models.Operation;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Compares a contract with the last released one through openapi-diff, which knows what breaks a client (a removed
 * operation, a new required request field or parameter, a narrowed request enum, a removed response field or
 * status, a changed type, ...). The one rule added here: an operation that the released contract already marked
 * {@code deprecated} (and so announced with {@code Deprecation} and {@code Sunset} headers) may be removed or changed
 * incompatibly; and, stricter than
 * openapi-diff, a response field removed is breaking too (see {@link #removedResponseFields}). Extensions
 * ({@code x-...}) are not judged: openapi-diff compares only those it has a plug-in for.
 */
final class ContractCompatibility {

    private ContractCompatibility() {
    }

    /** The breaking changes of {@code current} against {@code released}; both are OpenAPI documents as JSON text. */
    static Verdict compare(String released, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(released, current);
        List<String> breaking = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (Endpoint removed : diff.getMissingEndpoints()) {
            sort(removed.getOperation(), removed.getMethod() + " " + removed.getPathUrl() + " removed",
                    breaking, allowed);
        }
        for (ChangedOperation changed : diff.getChangedOperations()) {
            String operation = changed.getHttpMethod() + " " + changed.getPathUrl();
            if (changed.isIncompatible()) {
                sort(changed.getOldOperation(), operation + " changed incompatibly", breaking, allowed);
            }
            for (String field : removedResponseFields(changed)) {
                sort(changed.getOldOperation(), operation + " no longer answers " + field, breaking, allowed);
            }
        }
        return new Verdict(breaking, allowed, report(diff));
    }

    /**
     * Response fields the new contract no longer has. openapi-diff lets an optional response property go (an
     * optional field may be absent anyway), but the ledger's answers always carry every field of their record, null
     * or not, so a client may read any of them: removing one breaks it.
     */
    private static List<String> removedResponseFields(ChangedOperation operation) {
        List<String> removed = new ArrayList<>();
        if (operation.getApiResponses() == null) {
            return removed;
        }
        operation.getApiResponses().getChanged().forEach((status, response) -> {
            if (response.getContent() != null) {
                response.getContent().getChanged().forEach((mediaType, content) ->
                        removedProperties(content.getSchema(), status + " " + mediaType + " ", removed,
                                Collections.newSetFromMap(new IdentityHashMap<>())));
            }
        });
        return removed;
    }

    private static void removedProperties(ChangedSchema schema, String at, List<String> removed,
                                          Set<ChangedSchema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        schema.getMissingProperties().keySet().forEach(name -> removed.add(at + name));
        schema.getChangedProperties().forEach((name, property) ->
                removedProperties(property, at + name + ".", removed, seen));
        removedProperties(schema.getItems(), at + "[].", removed, seen);
    }

    private static void sort(Operation released, String change, List<String> breaking, List<String> allowed) {
        if (Boolean.TRUE.equals(released.getDeprecated())) {
            allowed.add(change + " (deprecated in the released contract)");
        } else {
            breaking.add(change);
        }
    }

    private static String report(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The renderer flushes and closes the writer itself.
        new MarkdownRender().render(diff, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * What a comparison found: the breaking changes, the incompatible changes to operations deprecated before, and
     * openapi-diff's full report (Markdown) for the build log.
     */
    record Verdict(List<String> breaking, List<String> allowedBecauseDeprecated, String report) {

        boolean compatible() {
            return breaking.isEmpty();
        }
    }
}
