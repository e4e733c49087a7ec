package org.integrationledger.app.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's third-party scripts, served from their webjars under {@code /console/assets/lib/}, inside the
 * console's own security chain (open to the sign-in page like the rest of {@code /console/assets}) and without a
 * version in the URL the templates name. The versions are those of ledger-app's pom.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleAssets implements WebMvcConfigurer {

    static final String UPLOT = "uplot/1.6.30";
    static final String HTMX = "htmx.org/2.0.4";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/assets/lib/uplot/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/" + UPLOT + "/dist/");
        registry.addResourceHandler("/console/assets/lib/htmx/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/" + HTMX + "/dist/");
    }
}
