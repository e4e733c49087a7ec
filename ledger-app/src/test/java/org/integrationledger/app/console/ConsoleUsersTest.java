package org.integrationledger.app.console;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleUsersTest {

    private static final String VIEWER_HASH = "{bcrypt}$2a$10$dU3ykO3/1o/UUMZeNEX4.OshzemaW6kUhg.24OlVuGrCi3SDF54Lq";

    @Test
    void everyRoleButViewerAlsoGrantsViewer() {
        ConsoleUsers users = new ConsoleUsers(new ConsoleProperties(Map.of(
                "approver-emea", new ConsoleProperties.User(VIEWER_HASH, List.of("approver"),
                        "emea.controller@example.com"))));
        Authentication signedIn = users.authenticationManager()
                .authenticate(new UsernamePasswordAuthenticationToken("approver-emea", "dev-viewer-password"));
        assertThat(signedIn.getAuthorities()).map(GrantedAuthority::getAuthority)
                .filteredOn(authority -> authority.startsWith("ROLE_"))
                .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_APPROVER");
    }

    @Test
    void aWrongPasswordIsRefused() {
        ConsoleUsers users = new ConsoleUsers(new ConsoleProperties(Map.of(
                "viewer", new ConsoleProperties.User(VIEWER_HASH, List.of("viewer")))));
        assertThatThrownBy(() -> users.authenticationManager()
                .authenticate(new UsernamePasswordAuthenticationToken("viewer", "guess")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aClearTextPasswordIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ConsoleUsers(new ConsoleProperties(Map.of(
                "viewer", new ConsoleProperties.User("secret", List.of("viewer"))))))
                .hasMessageContaining("never a clear-text password");
        assertThatThrownBy(() -> new ConsoleUsers(new ConsoleProperties(Map.of(
                "viewer", new ConsoleProperties.User("{noop}secret", List.of("viewer"))))))
                .hasMessageContaining("never a clear-text password");
    }

    @Test
    void anUnknownRoleIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ConsoleUsers(new ConsoleProperties(Map.of(
                "viewer", new ConsoleProperties.User(VIEWER_HASH, List.of("superuser"))))))
                .hasMessageContaining("roles are viewer, auditor, approver and admin");
    }

    @Test
    void anApproverActsAsThePersonOfTheirApproverId() {
        ConsoleUsers users = new ConsoleUsers(new ConsoleProperties(Map.of(
                "approver-emea", new ConsoleProperties.User(VIEWER_HASH, List.of("approver"),
                        " emea.controller@example.com "),
                "viewer", new ConsoleProperties.User(VIEWER_HASH, List.of("viewer")))));
        assertThat(users.approverId("approver-emea")).contains("emea.controller@example.com");
        assertThat(users.approverId("viewer")).isEmpty();
        assertThat(users.approverId("nobody")).isEmpty();
    }

    @Test
    void anApproverWithoutApproverIdIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ConsoleUsers(new ConsoleProperties(Map.of(
                "approver-emea", new ConsoleProperties.User(VIEWER_HASH, List.of("viewer", "approver"))))))
                .hasMessageContaining("console user approver-emea has the approver role but no "
                        + "ledger.console.users.approver-emea.approver-id");
        assertThatThrownBy(() -> new ConsoleUsers(new ConsoleProperties(Map.of(
                "approver-emea", new ConsoleProperties.User(VIEWER_HASH, List.of("approver"), "  ")))))
                .hasMessageContaining("approver-id");
    }

    @Test
    void anApproverIdWithoutTheApproverRoleIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ConsoleUsers(new ConsoleProperties(Map.of(
                "viewer", new ConsoleProperties.User(VIEWER_HASH, List.of("viewer"), "emea.controller@example.com")))))
                .hasMessageContaining("has ledger.console.users.viewer.approver-id but not the approver role");
    }
}
