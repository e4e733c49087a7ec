package org.integrationledger.app.console;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

import java.time.format.DateTimeParseException;

/**
 * Errors of console pages as pages a person can read (the API's problem+json handler would answer them
 * otherwise): a filter the ledger cannot read is 400 with what it expects, an unknown document 404.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason(), response, model);
    }

    @ExceptionHandler({IllegalArgumentException.class, DateTimeParseException.class})
    String badFilter(RuntimeException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage(), response, model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) {
        LOG.error("A console page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "the ledger could not answer this page; the log says why",
                response, model);
    }

    private static String page(HttpStatus status, String message, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("reason", status.getReasonPhrase());
        model.addAttribute("message", message);
        return "console/error";
    }
}
