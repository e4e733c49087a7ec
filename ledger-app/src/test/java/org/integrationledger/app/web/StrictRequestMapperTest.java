package org.integrationledger.app.web;

import org.integrationledger.model.shared.ContractViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request mapper's own rules, without a server: what it refuses, with which code and pointer, and that the
 * mapper Axon and Spring's clients use are not made strict by it.
 */
class StrictRequestMapperTest {

    record Line(int lineNumber, BigDecimal quantity) {
    }

    record Body(String name, List<Line> lines) {
    }

    private final JsonMapper strict = RequestBodyConfiguration.strictMapper(
            new DefaultListableBeanFactory().getBeanProvider(JsonMapperBuilderCustomizer.class));

    @Test
    void readsAValidBody() {
        Body body = strict.readValue("{\"name\":\"a\",\"lines\":[{\"lineNumber\":1,\"quantity\":\"2.5\"}]}",
                Body.class);
        assertThat(body.lines().get(0).quantity()).isEqualByComparingTo("2.5");
    }

    @Test
    void namesTheUnknownFieldByItsPointer() {
        assertRefused("{\"name\":\"a\",\"lines\":[{\"lineNumber\":1,\"quantity\":1,\"discountCode\":\"X\"}]}",
                ErrorCode.UNKNOWN_FIELD, "/lines/0/discountCode");
    }

    @Test
    void refusesADuplicateKey() {
        assertRefused("{\"name\":\"a\",\"name\":\"b\",\"lines\":[]}", ErrorCode.DUPLICATE_FIELD, "/name");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "[".repeat(17) + "]".repeat(17);
        assertThatThrownBy(() -> strict.readTree(deep)).satisfies(e -> {
            ContractViolation violation = RequestBodyRefusals.violationOf(
                    new HttpMessageNotReadableException("unreadable", e, new MockHttpInputMessage(new byte[0])));
            assertThat(violation.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
            assertThat(violation.getMessage()).contains("nesting at most 16 levels");
        });
        JsonNode allowed = strict.readTree("[".repeat(16) + "]".repeat(16));
        assertThat(allowed.isArray()).isTrue();
    }

    @Test
    void refusesAFieldNameLongerThanAnyOfTheContract() {
        assertRefused("{\"" + "n".repeat(10_000) + "\":1}", ErrorCode.LIMIT_EXCEEDED, null);
    }

    @Test
    void refusesAnIntegerWrittenAsADecimalOrText() {
        assertRefused("{\"lines\":[{\"lineNumber\":1.5}]}", ErrorCode.INVALID_NUMBER, "/lines/0/lineNumber");
        assertRefused("{\"lines\":[{\"lineNumber\":\"1\"}]}", ErrorCode.INVALID_NUMBER, "/lines/0/lineNumber");
        assertRefused("{\"lines\":[{\"lineNumber\":4294967296}]}", ErrorCode.NUMBER_OUT_OF_RANGE,
                "/lines/0/lineNumber");
    }

    @Test
    void refusesADecimalInExponentNotationAsNumberOrText() {
        assertRefused("{\"lines\":[{\"quantity\":1e2}]}", ErrorCode.INVALID_NUMBER, "/lines/0/quantity");
        assertRefused("{\"lines\":[{\"quantity\":\"1e2\"}]}", ErrorCode.INVALID_NUMBER, "/lines/0/quantity");
    }

    @Test
    void pointsAtTheSpringBindingPathOfAFieldError() {
        assertThat(RequestBodyRefusals.pointerOf("lines[12].description")).isEqualTo("/lines/12/description");
        assertThat(RequestBodyRefusals.pointerOf("totalAmount")).isEqualTo("/totalAmount");
    }

    private void assertRefused(String json, ErrorCode code, String pointer) {
        MockHttpInputMessage input = new MockHttpInputMessage(json.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> strict.readValue(json, Body.class)).satisfies(e -> {
            ContractViolation violation = RequestBodyRefusals.violationOf(
                    new HttpMessageNotReadableException("unreadable", e, input));
            assertThat(violation).as(e.toString()).isNotNull();
            assertThat(violation.code()).as(violation.getMessage()).isEqualTo(code);
            if (pointer != null) {
                assertThat(violation.pointer()).as(violation.getMessage()).isEqualTo(pointer);
            }
            assertThat(violation.getMessage()).hasSizeLessThan(300);
        });
    }
}
