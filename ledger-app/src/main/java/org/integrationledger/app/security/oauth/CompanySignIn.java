package org.integrationledger.app.security.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.integrationledger.app.security.ApiSignIn;
import org.integrationledger.model.shared.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.client.RestTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Company sign-in on the API: a JWT in {@code Authorization: Bearer} is verified against the issuer's published
 * keys, its issuer, audience and lifetime, and becomes a principal with the authorities of {@link TokenAuthorities}.
 * API keys keep working beside it; a bearer value that is not a JWT is still read as an API key.
 */
final class CompanySignIn implements ApiSignIn {

    /** The longest principal the ledger records: the width of {@code connector_message.connector_id}. */
    static final int MAX_PRINCIPAL_LENGTH = 64;
    private static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(5);
    /** What a connector is told to wait when the issuer cannot be reached: long enough for a restart of it. */
    private static final Duration ISSUER_RETRY_AFTER = Duration.ofSeconds(30);

    private final String issuer;
    private final JwtDecoder decoder;
    private final JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    CompanySignIn(OAuth2SignInProperties properties) {
        this(properties, issuerDecoder(properties));
    }

    CompanySignIn(OAuth2SignInProperties properties, JwtDecoder decoder) {
        this.issuer = properties.issuerUri();
        this.decoder = decoder;
        converter.setPrincipalClaimName(properties.principalClaim());
        converter.setJwtGrantedAuthoritiesConverter(new TokenAuthorities(properties));
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = this::unauthenticated;
        http
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(CompanySignIn::jwtBearer)
                        .authenticationEntryPoint(unauthenticated)
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(CompanySignIn.this::tokenNotAccepted);
                                return filter;
                            }
                        })
                        // RFC 9728: the challenge points here, and this names the issuer to get a token from.
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> resource.authorizationServer(issuer).resourceName("Integration Ledger"))))
                // A request without any credential is told both ways in: API key or bearer token.
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated));
    }

    /**
     * Verifies signature (keys from the issuer's metadata, fetched on the first token, so the ledger starts while
     * the issuer is away), issuer, audience, expiry and not-before within the clock skew, and that the principal
     * claim names a principal the ledger can record.
     */
    static JwtDecoder issuerDecoder(OAuth2SignInProperties properties) {
        if (properties.audience() == null || properties.audience().isBlank()) {
            throw new IllegalStateException("ledger.security.oauth2.audience is required with an issuer-uri: "
                    + "without it a token the issuer minted for another application would open the ledger");
        }
        JwtDecoder lazy = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri())
                    .restOperations(issuerClient()).build();
            decoder.setJwtValidator(validator(properties));
            return decoder;
        });
        return token -> {
            try {
                return lazy.decode(token);
            } catch (JwtDecoderInitializationException issuerAway) {
                // Not a JwtException, so it would pass the resource server as a bare 500; as one, it becomes the
                // AuthenticationServiceException that tokenNotAccepted answers 503.
                throw new JwtException("the issuer's metadata could not be fetched", issuerAway);
            }
        };
    }

    /** Nimbus's default of half a second to read the issuer's metadata or keys is too short for a busy issuer. */
    private static RestTemplate issuerClient() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(ISSUER_TIMEOUT);
        requests.setReadTimeout(ISSUER_TIMEOUT);
        return new RestTemplate(requests);
    }

    static OAuth2TokenValidator<Jwt> validator(OAuth2SignInProperties properties) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuerUri()),
                new JwtAudienceValidator(properties.audience().trim()),
                principalPresent(properties.principalClaim())));
    }

    private static OAuth2TokenValidator<Jwt> principalPresent(String claim) {
        return token -> {
            String principal = token.getClaimAsString(claim);
            return principal != null && !principal.isBlank() && principal.length() <= MAX_PRINCIPAL_LENGTH
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                            "the " + claim + " claim must name the caller in 1 to " + MAX_PRINCIPAL_LENGTH
                                    + " characters", null));
        };
    }

    private static String jwtBearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = authorization.substring(7).trim();
        return ApiSignIn.looksLikeJwt(value) ? value : null;
    }

    /**
     * A token the ledger could not check (the issuer's metadata or keys cannot be fetched: Spring reports that as an
     * {@link AuthenticationServiceException}, a refused token as an {@link OAuth2AuthenticationException}) is not a
     * refused one: {@code 503 token-issuer-unavailable} with {@code Retry-After}, not a 401 that would tell the
     * connector its credentials are wrong, nor a bare 500. Everything else is {@link #unauthenticated}.
     */
    private void tokenNotAccepted(HttpServletRequest request, HttpServletResponse response,
                                  AuthenticationException exception) throws IOException {
        if (!(exception instanceof AuthenticationServiceException)) {
            unauthenticated(request, response, exception);
            return;
        }
        ErrorCode code = ErrorCode.TOKEN_ISSUER_UNAVAILABLE;
        response.setStatus(code.httpStatus());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ISSUER_RETRY_AFTER.toSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"" + code.problemType() + "\",\"title\":\"" + code.code()
                + "\",\"status\":" + code.httpStatus() + ",\"detail\":\"the bearer token could not be checked: the "
                + "company issuer's metadata or keys cannot be fetched; nothing was recorded, send again later (API "
                + "keys are not affected)\",\"code\":\"" + code.code() + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * 401 with RFC 6750's {@code WWW-Authenticate: Bearer} challenge (naming the token error, such as an expired
     * token, where there is one) and the ledger's problem body with code {@code unauthenticated}.
     */
    private void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                 AuthenticationException exception) throws IOException {
        challenge.commence(request, response, exception);
        String detail = exception instanceof OAuth2AuthenticationException
                ? "the bearer token was refused (expired, not yet valid, for another audience or issuer, or not "
                        + "signed by the issuer); WWW-Authenticate names the reason"
                : "a valid API key in the X-Api-Key header or a bearer token of the company's issuer is required";
        ErrorCode code = ErrorCode.UNAUTHENTICATED;
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // Fixed texts only, so no escaping is needed; bytes, so the servlet container adds no legacy charset.
        response.getOutputStream().write(("{\"type\":\"" + code.problemType() + "\",\"title\":\"" + code.code()
                + "\",\"status\":" + response.getStatus() + ",\"detail\":\"" + detail + "\",\"code\":\""
                + code.code() + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
