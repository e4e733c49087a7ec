package org.integrationledger.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The module and package boundaries of docs/architecture.md, enforced on the compiled classes of all modules. */
class ArchitectureTest {

    /**
     * The command-side packages that wire Axon and Spring together and may use Spring freely: the component scan,
     * the connector HTTP adapter (authorization, idempotency, problem details), the aggregate caches and the
     * command target resolvers.
     */
    private static final String[] WIRING_PACKAGES = {
            "org.integrationledger.command",
            "org.integrationledger.command.connector..",
            "org.integrationledger.command.aggregatecache..",
            "org.integrationledger.command.documentkey.."};

    /** The packages holding the business: the canonical model, the aggregates, their policies and outcomes. */
    private static final String[] DOMAIN_PACKAGES = {
            "org.integrationledger.model..",
            "org.integrationledger.command.outcome..",
            "org.integrationledger.command.supplier..",
            "org.integrationledger.command.purchaseorder..",
            "org.integrationledger.command.invoice..",
            "org.integrationledger.command.routing..",
            "org.integrationledger.command.acknowledgment..",
            "org.integrationledger.command.sla..",
            "org.integrationledger.command.controls.."};

    /** Frameworks the business must not reach: Spring (web, beans, JDBC, ...), the servlet API and JPA. */
    private static final PackageMatchers FRAMEWORKS = PackageMatchers.of("org.springframework..", "jakarta.servlet..",
            "jakarta.persistence..", "org.hibernate..");

    /** The only Spring a settings record may carry: the annotations that bind it to {@code ledger.*}. */
    private static final PackageMatchers SETTINGS_BINDING = PackageMatchers.of("org.springframework.boot.context.properties..");

    /**
     * The Spring- and HTTP-facing classes a feature package keeps next to its aggregate: its controller and the
     * request bodies it maps to commands ({@code *Requests}), its bean wiring, its settings record, the Axon event
     * processors that feed its lookup tables or dispatch follow-up commands, and start-up tasks. Everything else in
     * a domain package is business and stays free of Spring.
     */
    private static final DescribedPredicate<JavaClass> FEATURE_ADAPTER = DescribedPredicate.describe(
            "a feature's controller, request bodies, @Configuration, settings record, Axon event processor or "
                    + "start-up task",
            javaClass -> {
                JavaClass outer = outermost(javaClass);
                return outer.isAnnotatedWith(RestController.class) || outer.getSimpleName().endsWith("Requests")
                        || outer.isAnnotatedWith(Configuration.class) || isSettingsRecord(outer)
                        || outer.isAnnotatedWith(ProcessingGroup.class)
                        || outer.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventListener.class));
            });

    private static final DescribedPredicate<JavaClass> DOMAIN =
            resideInAnyPackage(DOMAIN_PACKAGES).and(not(FEATURE_ADAPTER)).as("the domain (aggregates, policies, "
                    + "outcomes, canonical model)");

    private static JavaClasses ledger;

    @BeforeAll
    static void importLedger() {
        ledger = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.integrationledger");
        // Rules over an empty import would pass vacuously; make sure every module's classes are there.
        assertThat(List.of("org.integrationledger.command.purchaseorder.PurchaseOrder",
                "org.integrationledger.query.purchaseorder.PurchaseOrderProjection",
                "org.integrationledger.model.purchaseorder.PurchaseOrderIssued",
                "org.integrationledger.app.IntegrationLedgerApplication")).allMatch(ledger::contain);
    }

    @Test
    void canonicalModelHasNoSpringAndNoJpa() {
        noClasses().that().resideInAPackage("org.integrationledger.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..")
                .check(ledger);
    }

    @Test
    void commandSideDoesNotDependOnQuerySide() {
        noClasses().that().resideInAPackage("org.integrationledger.command..")
                .should().dependOnClassesThat().resideInAPackage("org.integrationledger.query..")
                .check(ledger);
    }

    @Test
    void querySideDoesNotDependOnCommandSide() {
        noClasses().that().resideInAPackage("org.integrationledger.query..")
                .should().dependOnClassesThat().resideInAPackage("org.integrationledger.command..")
                .check(ledger);
    }

    @Test
    void neitherSideDependsOnTheApplicationThatAssemblesThem() {
        noClasses().that().resideInAnyPackage("org.integrationledger.command..", "org.integrationledger.query..",
                        "org.integrationledger.model..")
                .should().dependOnClassesThat().resideInAPackage("org.integrationledger.app..")
                .check(ledger);
    }

    @Test
    void everyCommandSidePackageIsEitherDomainOrWiring() {
        classes().that().resideInAPackage("org.integrationledger.command..")
                .should().resideInAnyPackage(concat(DOMAIN_PACKAGES, WIRING_PACKAGES))
                .check(ledger);
    }

    @Test
    void domainHoldsTheAggregatesAndTheirPoliciesButNotTheAdapters() {
        // The domain rules below would pass vacuously if the predicate lost the classes they are about.
        assertThat(List.of("org.integrationledger.command.supplier.Supplier",
                "org.integrationledger.command.purchaseorder.PurchaseOrder",
                "org.integrationledger.command.invoice.Invoice",
                "org.integrationledger.command.invoice.MatchingTolerances",
                "org.integrationledger.command.routing.LegalEntityRouting",
                "org.integrationledger.command.outcome.RuleViolation",
                "org.integrationledger.model.invoice.InvoiceReceived"))
                .allMatch(name -> DOMAIN.test(ledger.get(name)));
        assertThat(List.of("org.integrationledger.command.supplier.SupplierCommandController",
                "org.integrationledger.command.invoice.InvoiceProperties",
                "org.integrationledger.command.invoice.InvoiceNumberClaimTable",
                "org.integrationledger.command.sla.SlaRuleRegistration"))
                .noneMatch(name -> DOMAIN.test(ledger.get(name)));
    }

    @Test
    void domainUsesNoSpringServletOrJpa() {
        noClasses().that(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "jakarta.persistence..", "org.hibernate..")
                .check(ledger);
    }

    @Test
    void domainDoesNotDependOnTheWiringPackages() {
        noClasses().that(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(WIRING_PACKAGES)
                .check(ledger);
    }

    @Test
    void domainReachesNoSpringThroughTheLedgersOwnClasses() {
        classes().that(DOMAIN).should(reachNoFrameworkThroughLedgerClasses()).check(ledger);
    }

    @Test
    void commandSidePackagesFormNoCycle() {
        slices().matching("org.integrationledger.command.(*)..").should().beFreeOfCycles().check(ledger);
    }

    @Test
    void querySidePackagesFormNoCycle() {
        slices().matching("org.integrationledger.query.(*)..").should().beFreeOfCycles().check(ledger);
    }

    /**
     * Follows every dependency into the ledger's own classes, however deep, and fails on the first framework type
     * each reached class uses; a settings record may use its binding annotations and nothing else of Spring.
     */
    private static ArchCondition<JavaClass> reachNoFrameworkThroughLedgerClasses() {
        return new ArchCondition<>("reach no Spring, servlet or JPA type through the ledger's own classes") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Map<JavaClass, JavaClass> reachedFrom = new HashMap<>();
                Deque<JavaClass> pending = new ArrayDeque<>(List.of(origin));
                reachedFrom.put(origin, origin);
                while (!pending.isEmpty()) {
                    JavaClass current = pending.removeFirst();
                    for (Dependency dependency : current.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass().getBaseComponentType();
                        if (FRAMEWORKS.test(target.getPackageName())
                                && !(isSettingsRecord(current) && SETTINGS_BINDING.test(target.getPackageName()))) {
                            events.add(SimpleConditionEvent.violated(origin, origin.getName() + " reaches "
                                    + target.getName() + " via " + path(reachedFrom, current) + ": "
                                    + dependency.getDescription()));
                        } else if (target.getPackageName().startsWith("org.integrationledger")
                                && !reachedFrom.containsKey(target)) {
                            reachedFrom.put(target, current);
                            pending.addLast(target);
                        }
                    }
                }
            }
        };
    }

    private static String path(Map<JavaClass, JavaClass> reachedFrom, JavaClass end) {
        Deque<String> names = new ArrayDeque<>();
        for (JavaClass step = end; ; step = reachedFrom.get(step)) {
            names.addFirst(step.getSimpleName().isEmpty() ? step.getName() : step.getSimpleName());
            if (reachedFrom.get(step) == step) {
                return String.join(" -> ", names);
            }
        }
    }

    private static boolean isSettingsRecord(JavaClass javaClass) {
        return outermost(javaClass).isAnnotatedWith(ConfigurationProperties.class);
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
