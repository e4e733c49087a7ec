package org.integrationledger.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries of docs/architecture.md, enforced on the compiled classes of all modules. */
class ArchitectureTest {

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
    void aggregatesStayFreeOfJpaAndSpringWiring() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..",
                        "org.springframework.beans..", "org.springframework.jdbc..", "org.springframework.web..")
                .check(ledger);
    }
}
