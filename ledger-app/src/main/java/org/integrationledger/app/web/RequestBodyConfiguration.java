package org.integrationledger.app.web;

import org.integrationledger.model.shared.ContractLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads request bodies strictly (docs/canonical-model.md, "Limits and refusals"): a field the contract does not
 * define, a key given twice, an integer written as 1.5, a decimal in exponent notation, a business time given as
 * a number and nesting deeper than the contract's are refused instead of silently reinterpreted. Only the server's
 * JSON converter reads this way; Spring's own mapper (HTTP clients) and Axon's Jackson 2 serializer, which must
 * keep reading stored events with fields they do not know, are untouched.
 */
@Configuration(proxyBeanMethods = false)
public class RequestBodyConfiguration {

    /**
     * Boot's own Jackson converter customizer has order 0; this one runs after it and replaces the JSON converter.
     * The mapper starts from every {@link JsonMapperBuilderCustomizer}, as Boot's does, so responses are written
     * as before (problem details included).
     */
    @Bean
    @Order(1)
    ServerHttpMessageConvertersCustomizer strictRequestBodies(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper strict = strictMapper(customizers);
        return converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }

    /** The strict reader of connector bodies; the message channels read with it too, so they refuse alike. */
    public static JsonMapper strictMapper(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(ContractLimits.MAX_NESTING_DEPTH)
                        .maxNameLength(ContractLimits.MAX_FIELD_NAME_LENGTH)
                        .build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Integers are JSON integers: 1.5, 1.0 and "1" are refused, never truncated or converted.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                // Nor is any other scalar read as another type: 123 is no text, "true" and 1 are no boolean, 0 is
                // no enum constant.
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .addModule(new ContractValuesModule())
                .build();
    }
}
