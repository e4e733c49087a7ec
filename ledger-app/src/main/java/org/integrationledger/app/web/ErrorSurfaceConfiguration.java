package org.integrationledger.app.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every answer the server gives to a bad request is problem+json with a stable code: the body checks (size, UTF-8)
 * and the Accept check ahead of every other filter, the path-id check ahead of every handler, and Tomcat's error
 * report for whatever fails before or outside Spring MVC (Spring Boot's {@code /error} page is switched off in
 * {@code IntegrationLedgerApplication}, so those errors reach the report).
 */
@Configuration(proxyBeanMethods = false)
class ErrorSurfaceConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<RequestBodyCheck> requestBodyCheck(WebLimitsProperties limits) {
        FilterRegistrationBean<RequestBodyCheck> registration =
                new FilterRegistrationBean<>(new RequestBodyCheck(limits.maxRequestBody().toBytes()));
        // Before tracing, security and everything else that might look at the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AcceptHeaderCheck> acceptHeaderCheck() {
        FilterRegistrationBean<AcceptHeaderCheck> registration = new FilterRegistrationBean<>(new AcceptHeaderCheck());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            // Spring Boot adds Tomcat's HTML report to the host in a customizer of its own; whichever order the
            // customizers run in, by the time the host starts only the problem report is left.
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    useProblemReport(host.getPipeline());
                }
            });
        });
    }

    private static void useProblemReport(Pipeline pipeline) {
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                pipeline.removeValve(valve);
            }
        }
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ProblemErrorReportValve) {
                return;
            }
        }
        pipeline.addValve(new ProblemErrorReportValve());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PathIdCheck());
    }
}
