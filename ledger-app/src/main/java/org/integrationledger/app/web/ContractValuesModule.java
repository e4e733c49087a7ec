package org.integrationledger.app.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import org.integrationledger.model.shared.ContractLimits;
import org.integrationledger.model.shared.ContractViolation;
import org.integrationledger.model.shared.ErrorCode;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the contract's decimals, business times and dates from the text the client sent, checked against
 * {@link ContractLimits} before any value is built: a decimal's digits, scale and sign come from the field's
 * {@link Digits} and {@link DecimalMin} (the same annotations Bean Validation checks afterwards), so
 * {@code "1e1000000"} is refused without ever becoming a number.
 */
class ContractValuesModule extends SimpleModule {

    ContractValuesModule() {
        super("contract-values");
        addDeserializer(BigDecimal.class, new DecimalText(ContractLimits.MAX_INTEGER_DIGITS,
                ContractLimits.UNIT_PRICE_SCALE, null));
        addDeserializer(Instant.class, new BusinessTime());
        addDeserializer(LocalDate.class, new BusinessDate());
    }

    private static String pointer(JsonParser parser) {
        return parser.streamReadContext().pathAsPointer().toString();
    }

    /** A decimal, as a JSON number or a JSON string; the same rules apply to both. */
    static final class DecimalText extends ValueDeserializer<BigDecimal> {

        private final int integerDigits;
        private final int scale;
        private final DecimalMin minimum;

        DecimalText(int integerDigits, int scale, DecimalMin minimum) {
            this.integerDigits = integerDigits;
            this.scale = scale;
            this.minimum = minimum;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            if (property == null) {
                return this;
            }
            Digits digits = property.getAnnotation(Digits.class);
            return new DecimalText(digits == null ? integerDigits : digits.integer(),
                    digits == null ? scale : digits.fraction(), property.getAnnotation(DecimalMin.class));
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT
                    && token != JsonToken.VALUE_STRING) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            String pointer = pointer(parser);
            BigDecimal value = ContractLimits.decimal(parser.getString(), pointer, integerDigits, scale);
            if (minimum != null) {
                int compared = value.compareTo(new BigDecimal(minimum.value()));
                if (compared < 0 || (compared == 0 && !minimum.inclusive())) {
                    throw new ContractViolation(ErrorCode.NUMBER_OUT_OF_RANGE, pointer, "must be "
                            + (minimum.inclusive() ? "at least " : "greater than ") + minimum.value());
                }
            }
            return value;
        }
    }

    /** A business time: ISO-8601 text only, never epoch seconds or milliseconds. */
    static final class BusinessTime extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new ContractViolation(ErrorCode.INVALID_TIME, pointer(parser), "an ISO-8601 time text such "
                        + "as 2026-11-23T09:00:00Z is expected, not a number");
            }
            return ContractLimits.businessTime(parser.getString(), pointer(parser));
        }
    }

    /** A business date: ISO-8601 text only, never a number or an array of numbers. */
    static final class BusinessDate extends ValueDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new ContractViolation(ErrorCode.INVALID_TIME, pointer(parser), "an ISO-8601 date text such "
                        + "as 2026-11-24 is expected");
            }
            return ContractLimits.businessDate(parser.getString(), pointer(parser));
        }
    }
}
