package org.integrationledger.app.console;

import jakarta.servlet.http.HttpServletResponse;
import org.integrationledger.app.security.ConsoleSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in page (Spring Security processes its form) and the page of a refused request. */
@Controller
class SignInPageController {

    private final ObjectProvider<ConsoleSignIn> companySignIn;

    SignInPageController(ObjectProvider<ConsoleSignIn> companySignIn) {
        this.companySignIn = companySignIn;
    }

    @GetMapping(ConsoleSecurityConfiguration.LOGIN)
    String login(Model model) {
        companySignIn.ifAvailable(signIn -> model.addAttribute("companySignIn", signIn.startPath()));
        return "console/login";
    }

    // Spring Security forwards the refused request here with its own method (a POST of a form, too).
    @RequestMapping("/console/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "console/denied";
    }
}
