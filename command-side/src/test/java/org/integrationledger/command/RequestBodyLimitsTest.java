package org.integrationledger.command;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.integrationledger.model.shared.ContractLimits;
import org.junit.jupiter.api.Test;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every connector request body has a documented bound (docs/canonical-model.md, "Limits and
 * refusals"): texts a maximum length or a fixed pattern, lists a maximum size, decimals their digits, scale and sign,
 * so a new field cannot slip in without one.
 */
class RequestBodyLimitsTest {

    private static final List<String> REQUEST_HOLDERS = List.of(
            "org.integrationledger.command.purchaseorder.PurchaseOrderRequests",
            "org.integrationledger.command.invoice.InvoiceRequests",
            "org.integrationledger.command.supplier.SupplierRequests");

    @Test
    void everyTextListAndDecimalOfEveryRequestBodyIsBounded() {
        List<String> unbounded = new ArrayList<>();
        List<Class<?>> requests = requestRecords();
        assertThat(requests).hasSizeGreaterThan(25);
        for (Class<?> request : requests) {
            for (RecordComponent component : request.getRecordComponents()) {
                String name = request.getSimpleName() + "." + component.getName();
                Class<?> type = component.getType();
                if (type == String.class && !bounded(component.getAnnotatedType())) {
                    unbounded.add(name);
                }
                if (type == List.class) {
                    Size size = component.getAnnotatedType().getAnnotation(Size.class);
                    if (size == null || size.max() > ContractLimits.MAX_LINES) {
                        unbounded.add(name);
                    }
                    AnnotatedType element = ((AnnotatedParameterizedType) component.getAnnotatedType())
                            .getAnnotatedActualTypeArguments()[0];
                    if (element.getType() == String.class && !bounded(element)) {
                        unbounded.add(name + "[]");
                    }
                }
                if (type == BigDecimal.class) {
                    Digits digits = component.getAnnotatedType().getAnnotation(Digits.class);
                    if (digits == null || digits.integer() > ContractLimits.MAX_INTEGER_DIGITS
                            || !component.getAnnotatedType().isAnnotationPresent(DecimalMin.class)) {
                        unbounded.add(name);
                    }
                }
            }
        }
        assertThat(unbounded).as("request fields without a documented bound").isEmpty();
    }

    private static boolean bounded(AnnotatedType type) {
        return type.isAnnotationPresent(Size.class) || type.isAnnotationPresent(Pattern.class);
    }

    private static List<Class<?>> requestRecords() {
        return REQUEST_HOLDERS.stream().flatMap(holder -> {
            try {
                return Stream.of(Class.forName(holder).getDeclaredClasses());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).filter(Class::isRecord).toList();
    }
}
