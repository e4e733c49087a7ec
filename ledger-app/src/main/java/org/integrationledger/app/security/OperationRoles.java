package org.integrationledger.app.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.Optional;

import static org.integrationledger.app.security.LedgerRole.ADMIN;
import static org.integrationledger.app.security.LedgerRole.APPROVER;
import static org.integrationledger.app.security.LedgerRole.AUDITOR;
import static org.integrationledger.app.security.LedgerRole.VIEWER;

/**
 * The one table of who may call which API operation (docs/security.md, "Roles"). {@link SecurityConfiguration}
 * enforces it before a request reaches its handler, {@link OperationRolesDocumentation} writes it into the OpenAPI
 * document as {@code x-required-roles}, and {@link OperationRolesCheck} refuses to start a ledger with an API
 * operation the table does not name. The first route that matches decides.
 */
final class OperationRoles {

    /** A method (null: any) and a path pattern, and what a call of it needs. */
    record Route(HttpMethod method, String pattern, OperationAccess access) {

        private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

        boolean matches(HttpMethod requestMethod, String path) {
            return (method == null || method.equals(requestMethod))
                    && PARSER.parse(pattern).matches(PathContainer.parsePath(path));
        }
    }

    static final List<Route> ROUTES = List.of(
            // A connector reports facts as the systems its key is bound to. An override is also an approver's
            // decision: the connector relaying it must hold the approver role (the Invoice aggregate still checks
            // the person against the queue's approvers, OverrideAuthority).
            route(HttpMethod.POST, "/api/v1/invoices/{invoiceId}/exception-overrides",
                    OperationAccess.connectorWithRole(APPROVER)),
            route(HttpMethod.POST, "/api/v1/purchase-orders/{purchaseOrderId}/**", OperationAccess.connector()),
            route(HttpMethod.POST, "/api/v1/invoices/{invoiceId}/**", OperationAccess.connector()),
            route(HttpMethod.POST, "/api/v1/suppliers/{supplierId}/**", OperationAccess.connector()),
            // A batch of connector messages: each message is then checked like its single endpoint (its system).
            route(HttpMethod.POST, "/api/v1/messages", OperationAccess.connector()),
            // Audit: the history, its exports, the past as of an instant and the chain's verification are the
            // auditor's. Sealing a checkpoint and rebuilding projections act on the ledger: an admin's.
            route(HttpMethod.GET, "/api/v1/audit/documents/**", OperationAccess.role(AUDITOR)),
            route(HttpMethod.GET, "/api/v1/audit/purchase-orders/**", OperationAccess.role(AUDITOR)),
            route(HttpMethod.POST, "/api/v1/audit/verification", OperationAccess.role(AUDITOR)),
            route(HttpMethod.GET, "/api/v1/audit/checkpoints/**", OperationAccess.role(AUDITOR)),
            route(HttpMethod.POST, "/api/v1/audit/checkpoints", OperationAccess.role(ADMIN)),
            route(null, "/api/v1/audit/projections/**", OperationAccess.role(ADMIN)),
            // Operations: everyone who reads may see what is parked; retrying or evicting it is an admin's.
            route(HttpMethod.GET, "/api/v1/operations/**", OperationAccess.role(VIEWER)),
            route(null, "/api/v1/operations/**", OperationAccess.role(ADMIN)),
            route(HttpMethod.GET, "/api/v1/benchmark/**", OperationAccess.role(VIEWER)),
            route(HttpMethod.POST, "/api/v1/benchmark/**", OperationAccess.role(ADMIN)),
            // The boards and documents.
            route(HttpMethod.GET, "/api/v1/purchase-orders/**", OperationAccess.role(VIEWER)),
            route(HttpMethod.GET, "/api/v1/invoices/**", OperationAccess.role(VIEWER)),
            route(HttpMethod.GET, "/api/v1/invoice-exceptions/**", OperationAccess.role(VIEWER)),
            route(HttpMethod.GET, "/api/v1/invoice-duplicates/**", OperationAccess.role(VIEWER)),
            route(HttpMethod.GET, "/api/v1/payments/**", OperationAccess.role(VIEWER)),
            route(HttpMethod.GET, "/api/v1/suppliers/**", OperationAccess.role(VIEWER)),
            route(HttpMethod.GET, "/api/v1/supplier-copies/**", OperationAccess.role(VIEWER)),
            route(HttpMethod.GET, "/api/v1/reconciliation/**", OperationAccess.role(VIEWER)),
            route(HttpMethod.GET, "/api/v1/trace/**", OperationAccess.role(VIEWER)),
            route(HttpMethod.GET, "/api/v1/slas/**", OperationAccess.role(VIEWER)),
            route(HttpMethod.GET, "/api/v1/accruals/**", OperationAccess.role(VIEWER)),
            // The controls report is a board like the others: controllers and AP read it, auditors sample from it.
            route(HttpMethod.GET, "/api/v1/controls/**", OperationAccess.role(VIEWER)));

    private OperationRoles() {
    }

    /** What an operation needs, by its method and its path (a request's path, or a path template). */
    static Optional<OperationAccess> of(HttpMethod method, String path) {
        return ROUTES.stream()
                .filter(route -> route.matches(method, path))
                .map(Route::access)
                .findFirst();
    }

    private static Route route(HttpMethod method, String pattern, OperationAccess access) {
        return new Route(method, pattern, access);
    }
}
