package org.integrationledger.app.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The OpenAPI document's identity and the deprecation of operations, in answers and in the document. */
@Configuration(proxyBeanMethods = false)
class ContractConfiguration implements WebMvcConfigurer {

    /**
     * The contract's release: the major number is the one in the paths ({@code /api/v1}); a release that adds to the
     * contract raises the minor number (docs/api-governance.md).
     */
    static final String CONTRACT_VERSION = "1.0";

    @Bean
    OpenAPI ledgerContract() {
        return new OpenAPI().info(new Info()
                .title("Integration Ledger API")
                .version(CONTRACT_VERSION)
                .description("Connector commands and views of the procure-to-pay integration ledger. Every call "
                        + "needs an API key in X-Api-Key. Errors are application/problem+json with a stable code "
                        + "(docs/canonical-model.md, error codes). Governance: docs/api-governance.md."));
    }

    @Bean
    OperationCustomizer deprecationDocumentation() {
        return new DeprecationDocumentation();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DeprecationHeaders());
    }
}
