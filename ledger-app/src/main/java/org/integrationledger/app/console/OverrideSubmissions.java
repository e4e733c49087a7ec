package org.integrationledger.app.console;

import jakarta.servlet.http.HttpSession;
import org.springframework.web.util.WebUtils;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each override form of a session was first sent. The form's message id makes a resent form the same message,
 * but the ledger counts it once only if the whole message is identical: a browser's retry must carry the business
 * time of the first attempt, not the moment of the retry, or it would be refused as another message under a used id.
 */
final class OverrideSubmissions implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = OverrideSubmissions.class.getName();
    /** Forms a session remembers; a retry comes within moments, long before this many other overrides. */
    static final int REMEMBERED = 100;

    private final Map<String, Instant> firstSent = new LinkedHashMap<>(16, 0.75f, false) {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The business time of the form with this message id: now on its first sending, then that same instant. */
    static Instant occurredAt(HttpSession session, String messageId, Clock clock) {
        OverrideSubmissions submissions;
        synchronized (WebUtils.getSessionMutex(session)) {
            submissions = (OverrideSubmissions) session.getAttribute(ATTRIBUTE);
            if (submissions == null) {
                submissions = new OverrideSubmissions();
                session.setAttribute(ATTRIBUTE, submissions);
            }
        }
        synchronized (submissions) {
            return submissions.firstSent.computeIfAbsent(messageId, id -> clock.instant());
        }
    }
}
