package org.integrationledger.app.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** What every console page shows in its header: who is signed in, with which roles, and the page's own URL. */
@ControllerAdvice(basePackageClasses = ConsolePageModel.class)
class ConsolePageModel {

    private static final Formats FORMATS = new Formats();

    @ModelAttribute("signedIn")
    String signedIn(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("roles")
    List<String> roles(Authentication authentication) {
        if (authentication == null) {
            return List.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()).toLowerCase(java.util.Locale.ROOT))
                .sorted().toList();
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return FORMATS;
    }

    /** The page's URL with its filters and {@code format=csv} added, for the export link of its table. */
    @ModelAttribute("csvUrl")
    String csvUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + "?" + (query == null || query.isBlank() ? "" : query + "&") + "format=csv";
    }
}
