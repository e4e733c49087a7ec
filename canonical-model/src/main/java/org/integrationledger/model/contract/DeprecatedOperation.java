package org.integrationledger.model.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an HTTP operation (a controller method) as deprecated: every answer carries a {@code Deprecation} header
 * (RFC 9745) and a {@code Sunset} header (RFC 8594), and the published OpenAPI document marks the operation
 * {@code deprecated} and names its replacement. Only an operation deprecated in the last released contract may be
 * removed or changed incompatibly (docs/api-governance.md).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface DeprecatedOperation {

    /** When the operation became deprecated, an ISO-8601 instant such as {@code 2027-01-04T00:00:00Z}. */
    String since();

    /** When the operation stops answering, an ISO-8601 instant after {@link #since()}. */
    String sunset();

    /** What a client uses instead, in a sentence (an operation, a field, a parameter). */
    String replacement();
}
