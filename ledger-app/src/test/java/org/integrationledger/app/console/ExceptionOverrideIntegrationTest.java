package org.integrationledger.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.EMEA_APPROVER;
import static org.integrationledger.app.support.InvoiceRequests.SUBMITTER;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;

/**
 * The override action of the exception queue over plain HTTP, signed in through the form with CSRF: an approver's
 * override goes through the command side and its rules exactly as one sent through the API, a refusal is shown with
 * the API's code and writes nothing, and a form sent twice is one override.
 */
class ExceptionOverrideIntegrationTest extends LedgerIntegrationTest {

    static final String APPROVER_EMEA_PASSWORD = "dev-approver-password";
    static final String APPROVER_NA_PASSWORD = "dev-approver-na-password";
    private static final String REASON = "price agreed with the supplier by phone";

    @LocalServerPort
    private int port;

    @Test
    void anApproverOfTheQueueOverridesAnOpenException() {
        OpenInvoiceException open = OpenInvoiceException.submittedBy(api, SUBMITTER);
        ConsoleSession approver = signedIn("approver-emea", APPROVER_EMEA_PASSWORD);
        OverrideForm form = awaitForm(approver, open);

        HttpResponse<String> page = send(approver, form, REASON);

        assertThat(page.body()).contains("id=\"override-recorded\"")
                .contains("MATCH_VARIANCE of " + open.invoiceId() + " overridden by " + EMEA_APPROVER);
        assertThat(events.eventTypes(open.invoiceId())).endsWith("InvoiceExceptionResolved");
        JsonNode resolved = awaitException(open, "RESOLVED");
        assertThat(resolved.path("resolution").asText()).isEqualTo("OVERRIDE");
        assertThat(resolved.path("resolvedBy").asText()).isEqualTo(EMEA_APPROVER);
        assertThat(resolved.path("resolutionReason").asText()).isEqualTo(REASON);
        String audit = events.metaData(open.invoiceId(), OpenInvoiceException.EVENTS);
        assertThat(audit).contains("\"connectorId\":\"console:approver-emea\"")
                .contains("\"reportingSystem\":\"LEDGER_CONSOLE\"").contains(form.messageId());
        assertThat(approver.get(open.queuePage()).body()).as("resolved: no form any more")
                .contains("OVERRIDE by " + EMEA_APPROVER + ": " + REASON).doesNotContain("class=\"override\"");
    }

    @Test
    void anApproverOfAnotherQueueIsRefusedAndNothingIsWritten() {
        OpenInvoiceException open = OpenInvoiceException.submittedBy(api, SUBMITTER);
        ConsoleSession approver = signedIn("approver-na", APPROVER_NA_PASSWORD);

        HttpResponse<String> page = send(approver, awaitForm(approver, open), REASON);

        assertRefused(page, "approver-not-authorised", "na.controller@example.com is not an approver of queue AP-EMEA");
        assertThat(events.eventCount(open.invoiceId())).isEqualTo(OpenInvoiceException.EVENTS);
        assertThat(page.body()).as("still open, still offered").contains("data-invoice=\"" + open.invoiceId() + "\"");
    }

    @Test
    void theInvoicesSubmitterIsRefusedEvenAsAnApproverOfItsQueue() {
        OpenInvoiceException open = OpenInvoiceException.submittedBy(api, EMEA_APPROVER);
        ConsoleSession approver = signedIn("approver-emea", APPROVER_EMEA_PASSWORD);

        HttpResponse<String> page = send(approver, awaitForm(approver, open), REASON);

        assertRefused(page, "approver-is-submitter", EMEA_APPROVER + " submitted this invoice");
        assertThat(events.eventCount(open.invoiceId())).isEqualTo(OpenInvoiceException.EVENTS);
    }

    @Test
    void anOverrideWithoutAReasonIsRefused() {
        OpenInvoiceException open = OpenInvoiceException.submittedBy(api, SUBMITTER);
        ConsoleSession approver = signedIn("approver-emea", APPROVER_EMEA_PASSWORD);

        HttpResponse<String> page = send(approver, awaitForm(approver, open), "   ");

        assertRefused(page, "validation-failed", "reason must not be blank");
        assertThat(events.eventCount(open.invoiceId())).isEqualTo(OpenInvoiceException.EVENTS);
    }

    @Test
    void aViewerSeesNoOverrideFormAndItsPostIsForbiddenAndWritesNothing() {
        OpenInvoiceException open = OpenInvoiceException.submittedBy(api, SUBMITTER);
        ConsoleSession viewer = signedIn("viewer", ConsoleSecurityIntegrationTest.VIEWER_PASSWORD);
        await().atMost(Duration.ofSeconds(20)).until(() -> viewer.get(open.queuePage()).body()
                .contains(">" + open.invoiceId() + "<"));
        assertThat(viewer.get(open.queuePage()).body()).doesNotContain("class=\"override\"");

        HttpResponse<String> refused = viewer.post("/console/exceptions/" + open.invoiceId() + "/"
                + OpenInvoiceException.KIND + "/override", Map.of("messageId", "console-by-a-viewer", "reason", REASON));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(events.eventCount(open.invoiceId())).isEqualTo(OpenInvoiceException.EVENTS);
    }

    @Test
    void anOverrideWithoutTheCsrfTokenIsForbiddenAndWritesNothing() {
        OpenInvoiceException open = OpenInvoiceException.submittedBy(api, SUBMITTER);
        ConsoleSession approver = signedIn("approver-emea", APPROVER_EMEA_PASSWORD);
        OverrideForm form = awaitForm(approver, open);

        HttpResponse<String> refused = approver.postWithToken(form.action(),
                Map.of("messageId", form.messageId(), "returnTo", form.returnTo(), "reason", REASON), null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(events.eventCount(open.invoiceId())).isEqualTo(OpenInvoiceException.EVENTS);
    }

    @Test
    void aFormSentTwiceIsOneOverride() {
        OpenInvoiceException open = OpenInvoiceException.submittedBy(api, SUBMITTER);
        ConsoleSession approver = signedIn("approver-emea", APPROVER_EMEA_PASSWORD);
        OverrideForm form = awaitForm(approver, open);

        send(approver, form, REASON);
        HttpResponse<String> retry = send(approver, form, REASON);

        assertThat(retry.body()).contains("id=\"override-recorded\"").contains("this form was sent before");
        assertThat(events.eventTypes(open.invoiceId())).filteredOn("InvoiceExceptionResolved"::equals).hasSize(1);
        assertThat(events.eventCount(open.invoiceId())).isEqualTo(OpenInvoiceException.EVENTS + 1);
    }

    private ConsoleSession signedIn(String user, String password) {
        ConsoleSession session = new ConsoleSession("http://localhost:" + port);
        assertThat(session.signIn(user, password).headers().firstValue("Location").orElseThrow()).endsWith("/console");
        return session;
    }

    /** The override form of the invoice's open exception, once the queue shows it. */
    private static OverrideForm awaitForm(ConsoleSession session, OpenInvoiceException open) {
        Pattern formOfInvoice = Pattern.compile("<form[^>]*data-invoice=\"" + Pattern.quote(open.invoiceId())
                + "\"[^>]*>.*?</form>", Pattern.DOTALL);
        String[] form = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Matcher matcher = formOfInvoice.matcher(session.get(open.queuePage()).body());
            form[0] = matcher.find() ? matcher.group() : null;
            return form[0] != null;
        });
        return new OverrideForm(attribute(form[0], "action"), field(form[0], "messageId"), field(form[0], "returnTo"));
    }

    /** Posts the form with a reason, follows its redirect as a browser does and answers the page it lands on. */
    private static HttpResponse<String> send(ConsoleSession session, OverrideForm form, String reason) {
        HttpResponse<String> posted = session.post(form.action(),
                Map.of("messageId", form.messageId(), "returnTo", form.returnTo(), "reason", reason));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        URI location = URI.create(posted.headers().firstValue("Location").orElseThrow());
        assertThat(location.getRawPath() + "?" + location.getRawQuery()).as("back to the page of the form")
                .isEqualTo(form.returnTo());
        return session.get(form.returnTo());
    }

    private static void assertRefused(HttpResponse<String> page, String code, String detail) {
        assertThat(page.body()).contains("id=\"override-refused\"").doesNotContain("id=\"override-recorded\"");
        assertThat(text(page.body(), "override-code")).isEqualTo(code);
        assertThat(text(page.body(), "override-detail")).contains(detail);
    }

    private JsonNode awaitException(OpenInvoiceException open, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode items = api.get("/api/v1/invoice-exceptions?status=" + status + "&supplierId=" + open.supplierId(),
                    REPORTING_KEY).body().path("items");
            found[0] = items.size() == 1 ? items.get(0) : null;
            return found[0] != null;
        });
        return found[0];
    }

    private static String attribute(String html, String name) {
        Matcher matcher = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as(name + " in " + html).isTrue();
        return unescape(matcher.group(1));
    }

    private static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as(name + " in " + html).isTrue();
        return unescape(matcher.group(1));
    }

    private static String text(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(matcher.find()).as(id + " in the page").isTrue();
        return unescape(matcher.group(1)).strip();
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    private record OverrideForm(String action, String messageId, String returnTo) {
    }
}
