package org.integrationledger.app.console;

import org.integrationledger.app.throttling.SignInThrottle;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

/**
 * The console's password sign-in behind the {@link SignInThrottle}: a name without attempts left is refused before
 * its password is checked, and every wrong password counts against the name. Refused names land on the sign-in page
 * with {@code ?locked}, which says so and when to try again.
 */
final class ThrottledSignIn implements AuthenticationManager {

    private final AuthenticationManager passwords;
    private final SignInThrottle throttle;

    ThrottledSignIn(AuthenticationManager passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        if (!throttle.mayTry(name)) {
            throw new LockedException("too many failed sign-ins for this user name");
        }
        try {
            return passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            throttle.failed(name);
            throw wrong;
        }
    }
}
