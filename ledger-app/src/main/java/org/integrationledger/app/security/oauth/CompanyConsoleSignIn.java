package org.integrationledger.app.security.oauth;

import org.integrationledger.app.security.ConsoleSignIn;
import org.integrationledger.app.security.LedgerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.util.function.SingletonSupplier;

import java.util.Collection;
import java.util.List;

/**
 * Company sign-in on the console: OpenID Connect (authorization code) against the company's issuer. The person's
 * ledger roles come from the ID token's claims by the same rules as an API token's ({@link TokenAuthorities}); only
 * roles count here, a system authority opens nothing in the console. The approver role is not taken from a token: an
 * override is recorded as a configured console user's approver id, which the console looks up by user name, and a
 * company account of the same name must not act as that person. Form login stays beside it.
 */
final class CompanyConsoleSignIn implements ConsoleSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(CompanyConsoleSignIn.class);
    static final String REGISTRATION = "company";
    private static final String AUTHORIZATION = "/console/oauth2/authorization";

    private final ClientRegistrationRepository registrations;
    private final TokenAuthorities authorities;

    CompanyConsoleSignIn(OAuth2SignInProperties signIn, ConsoleSignInProperties console) {
        this.authorities = new TokenAuthorities(signIn);
        // Read from the issuer's metadata on the first sign-in, so the ledger starts while the issuer is away.
        SingletonSupplier<ClientRegistration> registration = SingletonSupplier.of(() -> ClientRegistrations
                .fromIssuerLocation(signIn.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(console.clientId())
                .clientSecret(console.clientSecret())
                .scope("openid", "profile")
                .userNameAttributeName(console.nameClaim())
                .redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}")
                .build());
        this.registrations = id -> REGISTRATION.equals(id) ? registration.obtain() : null;
    }

    @Override
    public String startPath() {
        return AUTHORIZATION + "/" + REGISTRATION;
    }

    @Override
    public void configure(HttpSecurity http, AuthenticationManager formLogin) throws Exception {
        // The console keeps its own authentication manager (no API key signs in there), so the provider that
        // redeems the authorization code joins it explicitly.
        OidcAuthorizationCodeAuthenticationProvider company = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService());
        company.setAuthoritiesMapper(this::roles);
        http.authenticationManager(new ProviderManager(List.of(company), formLogin));
        http.oauth2Login(login -> login
                .loginPage("/console/login")
                .clientRegistrationRepository(registrations)
                .authorizationEndpoint(endpoint -> endpoint.baseUri(AUTHORIZATION))
                .redirectionEndpoint(endpoint -> endpoint.baseUri("/console/login/oauth2/code/*"))
                .defaultSuccessUrl("/console", false)
                .failureHandler((request, response, refused) -> {
                    // The OAuth2 error code and description only (never a code or token), so an operator can tell
                    // a misconfigured client from a person without access.
                    LOG.info("Company sign-in to the console refused: {}",
                            refused instanceof OAuth2AuthenticationException oauth ? oauth.getError() : refused
                                    .getMessage());
                    response.sendRedirect(request.getContextPath() + "/console/login?companyError");
                }));
    }

    private Collection<? extends GrantedAuthority> roles(Collection<? extends GrantedAuthority> signedIn) {
        return signedIn.stream().filter(OidcUserAuthority.class::isInstance).map(OidcUserAuthority.class::cast)
                .findFirst()
                .map(person -> authorities.authorities(person.getAttributes()).stream()
                        .filter(authority -> authority.getAuthority().startsWith("ROLE_")
                                && !authority.getAuthority().equals(LedgerRole.APPROVER.authority()))
                        .toList())
                .orElse(List.of());
    }
}
