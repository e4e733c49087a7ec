package org.integrationledger.app.console;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The override form's two safeguards: a resent form is the identical message, and it returns only to the console. */
class OverrideFormsTest {

    @Test
    void aResentFormKeepsTheBusinessTimeOfItsFirstSending() {
        MockHttpSession session = new MockHttpSession();
        Instant first = OverrideSubmissions.occurredAt(session, "console-1",
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

        Clock later = Clock.fixed(Instant.parse("2026-12-07T10:00:05Z"), ZoneOffset.UTC);

        assertThat(OverrideSubmissions.occurredAt(session, "console-1", later)).isEqualTo(first);
        assertThat(OverrideSubmissions.occurredAt(session, "console-2", later)).isEqualTo(later.instant());
        assertThat(OverrideSubmissions.occurredAt(new MockHttpSession(), "console-1", later))
                .as("another session's form is another").isEqualTo(later.instant());
    }

    @Test
    void aFormReturnsOnlyToAConsolePage() {
        assertThat(ExceptionOverrideController.isConsolePage("/console/exceptions?status=&queue=AP-EMEA")).isTrue();
        assertThat(ExceptionOverrideController.isConsolePage("https://elsewhere.example/console/")).isFalse();
        assertThat(ExceptionOverrideController.isConsolePage("//elsewhere.example/console/")).isFalse();
        assertThat(ExceptionOverrideController.isConsolePage("/console//elsewhere.example")).isFalse();
        assertThat(ExceptionOverrideController.isConsolePage("/console/\\elsewhere")).isFalse();
        assertThat(ExceptionOverrideController.isConsolePage("/console/x\r\nSet-Cookie: a=b")).isFalse();
        assertThat(ExceptionOverrideController.isConsolePage("/api/v1/invoices")).isFalse();
    }
}
