package org.integrationledger.command.documentkey;

import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.integrationledger.model.shared.DocumentKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** One command target resolver per document type, named in the aggregate's {@code @Aggregate} annotation. */
@Configuration(proxyBeanMethods = false)
class DocumentKeyConfiguration {

    /**
     * Axon's own resolver, for every aggregate that names none (SLA rules, keyed {@code sla-rule:<name>} by their
     * commands already); primary, because Axon takes a single or primary bean as its default.
     */
    @Bean
    @Primary
    CommandTargetResolver commandTargetResolver() {
        return AnnotationCommandTargetResolver.builder().build();
    }

    @Bean
    DocumentTargetResolver purchaseOrderTargetResolver() {
        return new DocumentTargetResolver(DocumentKind.PURCHASE_ORDER);
    }

    @Bean
    DocumentTargetResolver invoiceTargetResolver() {
        return new DocumentTargetResolver(DocumentKind.INVOICE);
    }

    @Bean
    DocumentTargetResolver supplierTargetResolver() {
        return new DocumentTargetResolver(DocumentKind.SUPPLIER);
    }
}
