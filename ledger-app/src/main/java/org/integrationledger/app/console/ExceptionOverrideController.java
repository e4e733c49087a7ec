package org.integrationledger.app.console;

import jakarta.servlet.http.HttpSession;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.shared.MessageId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.Serializable;
import java.time.Clock;
import java.util.Locale;

/**
 * The override form of an open invoice exception (approver role only, see {@link ConsoleSecurityConfiguration}):
 * sends the override as the signed-in approver through {@link ConsoleOverrides}, then returns to the page the form
 * was on, which says what was recorded or which rule refused it.
 */
@Controller
@ConditionalOnProperty(name = "ledger.command-side.enabled", havingValue = "true", matchIfMissing = true)
class ExceptionOverrideController {

    /** The page a form without a usable {@code returnTo} goes back to. */
    private static final String QUEUE = "/console/exceptions";

    private final ConsoleOverrides overrides;
    private final ConsoleUsers users;
    private final Clock clock;

    ExceptionOverrideController(ConsoleOverrides overrides, ConsoleUsers users, Clock clock) {
        this.overrides = overrides;
        this.users = users;
        this.clock = clock;
    }

    @PostMapping("/console/exceptions/{invoiceId}/{kind}/override")
    String override(@PathVariable String invoiceId, @PathVariable String kind, @RequestParam String messageId,
                    @RequestParam(required = false) String reason, @RequestParam(required = false) String returnTo,
                    Authentication authentication, HttpSession session, RedirectAttributes redirect) {
        String approverId = users.approverId(authentication.getName()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.FORBIDDEN, authentication.getName() + " is not an approver"));
        InvoiceId invoice = InvoiceId.of(invoiceId);
        ExceptionKind exceptionKind = ExceptionKind.valueOf(kind.toUpperCase(Locale.ROOT));
        MessageId message = MessageId.of(messageId);
        ConsoleOverrides.Outcome outcome = overrides.override(authentication.getName(), approverId, message,
                OverrideSubmissions.occurredAt(session, message.value(), clock), invoice, exceptionKind, reason);
        redirect.addFlashAttribute("override", OverrideResult.of(invoice, exceptionKind, approverId, outcome));
        return "redirect:" + (returnTo != null && isConsolePage(returnTo) ? returnTo : QUEUE);
    }

    /** Only a console page of this ledger: a form must not turn the console into a redirector to other sites. */
    static boolean isConsolePage(String path) {
        return path.startsWith("/console/") && !path.startsWith("/console//") && path.chars().noneMatch(c -> c < 0x20)
                && !path.contains("\\");
    }

    /** What the page the form returns to says about the override. */
    record OverrideResult(String invoiceId, ExceptionKind kind, String approvedBy, boolean recorded,
                          boolean replayed, String code, String detail) implements Serializable {

        static OverrideResult of(InvoiceId invoice, ExceptionKind kind, String approvedBy,
                                 ConsoleOverrides.Outcome outcome) {
            if (outcome instanceof ConsoleOverrides.Outcome.Refused refused) {
                return new OverrideResult(invoice.value(), kind, approvedBy, false, false, refused.code().code(),
                        refused.detail());
            }
            return new OverrideResult(invoice.value(), kind, approvedBy, true,
                    ((ConsoleOverrides.Outcome.Recorded) outcome).outcome().replayed(), null, null);
        }
    }
}
