package org.integrationledger.app.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * One API key per role and per system of record, each holding exactly that (and one relaying approvals for
 * procurement), configured in every integration test's ledger so the authorisation matrix shares its context.
 */
public final class MatrixPrincipals {

    /** A caller of the matrix: its key (null: anonymous), its configured roles and the systems it reports for. */
    public record Principal(String name, String apiKey, Set<String> roles, Set<String> systems) {

        @Override
        public String toString() {
            return name;
        }
    }

    public static final Principal ANONYMOUS = new Principal("anonymous", null, Set.of(), Set.of());

    public static final List<Principal> CONFIGURED = List.of(
            principal("viewer", Set.of("viewer"), Set.of()),
            principal("auditor", Set.of("auditor"), Set.of()),
            principal("approver", Set.of("approver"), Set.of()),
            principal("admin", Set.of("admin"), Set.of()),
            principal("connector-PROCUREMENT", Set.of(), Set.of("PROCUREMENT")),
            principal("connector-ERP_NA", Set.of(), Set.of("ERP_NA")),
            principal("connector-ERP_EMEA", Set.of(), Set.of("ERP_EMEA")),
            principal("connector-TAX_ENGINE", Set.of(), Set.of("TAX_ENGINE")),
            principal("connector-TREASURY", Set.of(), Set.of("TREASURY")),
            principal("approver-connector-PROCUREMENT", Set.of("approver"), Set.of("PROCUREMENT")));

    private MatrixPrincipals() {
    }

    /** Anonymous first, then every configured principal. */
    public static List<Principal> all() {
        List<Principal> all = new ArrayList<>();
        all.add(ANONYMOUS);
        all.addAll(CONFIGURED);
        return all;
    }

    static void register(DynamicPropertyRegistry registry) {
        for (Principal principal : CONFIGURED) {
            String prefix = "ledger.security.connectors.matrix-" + principal.name() + ".";
            registry.add(prefix + "api-key-sha256", () -> sha256(principal.apiKey()));
            List<String> roles = List.copyOf(principal.roles());
            for (int i = 0; i < roles.size(); i++) {
                String role = roles.get(i);
                registry.add(prefix + "roles[" + i + "]", () -> role);
            }
            List<String> systems = List.copyOf(principal.systems());
            for (int i = 0; i < systems.size(); i++) {
                String system = systems.get(i);
                registry.add(prefix + "systems[" + i + "]", () -> system);
            }
        }
    }

    private static Principal principal(String name, Set<String> roles, Set<String> systems) {
        return new Principal(name, "test-matrix-" + name + "-key", roles, systems);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
