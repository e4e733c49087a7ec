package org.integrationledger.query.reconciliation;

import org.integrationledger.model.invoice.DuplicateInvoiceSubmissionCaught;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.reconciliation.CaughtDuplicate;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.DuplicateKind;
import org.integrationledger.model.reconciliation.DuplicateOutcome;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.DuplicateSupplierRequestCaught;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.model.supplier.TaxId;
import org.integrationledger.query.fold.Envelope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The duplicates caught (question 8), kept with the document whose events caught them: given these events, then
 * these rows, keyed by the catching event's id and naming the connector it was recorded for.
 */
class DuplicatesCaughtTest {

    private static final InvoiceId ORIGINAL = InvoiceId.of("INV-1");
    private static final InvoiceId SUSPECT = InvoiceId.of("INV-2");
    private static final InvoiceId OTHER_ORIGINAL = InvoiceId.of("INV-0");
    private static final PurchaseOrderId ORDER = PurchaseOrderId.of("PO-1");
    private static final SupplierId SUPPLIER = SupplierId.of("SUP-1");
    private static final LegalEntityId US01 = LegalEntityId.of("US01");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final SystemId MDM = SystemId.of("MDM");
    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant RECORDED = Instant.parse("2026-11-24T09:00:05Z");

    private final ReconciliationFixture fixture = new ReconciliationFixture(SystemRegions.of(Map.of()));

    @Test
    void aRefusedInvoiceSubmissionIsAnExactDuplicateOfTheOriginalRefusedAtOnce() {
        fixture.recordedAs(by("evt-7", "procurement-connector"), new DuplicateInvoiceSubmissionCaught(ORIGINAL, US01,
                SUSPECT, SUPPLIER, SupplierInvoiceNumber.of("A-100"), Money.of("100.00", "USD"), "alice",
                MessageId.of("msg-1"), PROCUREMENT, NINE));

        assertThat(fixture.duplicates(DocumentType.INVOICE, ORIGINAL.value())).singleElement().satisfies(row -> {
            assertThat(row.eventId()).isEqualTo("evt-7");
            assertThat(row.toCaughtDuplicate()).extracting(CaughtDuplicate::documentType, CaughtDuplicate::originalId,
                    CaughtDuplicate::attemptedId, CaughtDuplicate::kind, CaughtDuplicate::outcome,
                    CaughtDuplicate::caughtAt, CaughtDuplicate::recordedAt, CaughtDuplicate::connector)
                    .containsExactly(DocumentType.INVOICE, "INV-1", "INV-2", DuplicateKind.EXACT,
                            DuplicateOutcome.REFUSED, NINE, RECORDED, "procurement-connector");
            assertThat(row.matchKey()).isEqualTo("SUP-1 A100");
            assertThat(row.detail()).isEqualTo("submission INV-2 (number A-100, gross 100.00 USD, by alice) refused;"
                    + " invoice INV-1 kept");
        });
    }

    @Test
    void aRefusedSupplierRequestIsAnExactDuplicateOfTheHolderOfTheTaxId() {
        fixture.recordedAs(by("evt-9", "mdm-connector"), new DuplicateSupplierRequestCaught(SUPPLIER,
                SupplierId.of("SUP-2"), new TaxId("VAT", "DE", "DE 123 456 789"), "Acme GmbH", "bob",
                MessageId.of("msg-2"), MDM, NINE));

        assertThat(fixture.duplicates(DocumentType.SUPPLIER, SUPPLIER.value()))
                .extracting(DuplicateRow::eventId, DuplicateRow::documentType, DuplicateRow::originalId,
                        DuplicateRow::attemptedId, DuplicateRow::matchKey, DuplicateRow::kind, DuplicateRow::outcome,
                        DuplicateRow::connectorId)
                .containsExactly(tuple("evt-9", DocumentType.SUPPLIER, "SUP-1", "SUP-2", "VAT DE123456789",
                        DuplicateKind.EXACT, DuplicateOutcome.REFUSED, "mdm-connector"));
    }

    @Test
    void aDuplicateSuspicionListsEachSuspectedOriginalOpen() {
        fixture.recordedAs(by("evt-3", null), suspicion(ORIGINAL, OTHER_ORIGINAL));

        assertThat(fixture.duplicates(DocumentType.INVOICE, SUSPECT.value()))
                .extracting(DuplicateRow::eventId, DuplicateRow::originalId, DuplicateRow::attemptedId,
                        DuplicateRow::kind, DuplicateRow::outcome, DuplicateRow::connectorId)
                .containsExactly(
                        tuple("evt-3:0", "INV-1", "INV-2", DuplicateKind.SUSPECTED, DuplicateOutcome.OPEN, null),
                        tuple("evt-3:1", "INV-0", "INV-2", DuplicateKind.SUSPECTED, DuplicateOutcome.OPEN, null));
    }

    @Test
    void anOverrideAcceptsTheSuspectedDuplicatesAndSaysWhoResolvedIt() {
        fixture.recordedAs(by("evt-3", null), suspicion(ORIGINAL))
                .given(resolved(ExceptionKind.DUPLICATE_SUSPICION, ExceptionResolution.OVERRIDE, "carol", "same PO"));

        assertThat(fixture.duplicates(DocumentType.INVOICE, SUSPECT.value())).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(DuplicateOutcome.ACCEPTED_BY_OVERRIDE);
            assertThat(row.detail()).isEqualTo("same supplier and gross; resolved " + NINE.plusSeconds(600)
                    + " by carol: same PO");
        });
    }

    @Test
    void aCorrectionWithoutAResolverNamesTheReportingSystem() {
        fixture.recordedAs(by("evt-3", null), suspicion(ORIGINAL))
                .given(resolved(ExceptionKind.DUPLICATE_SUSPICION, ExceptionResolution.CORRECTED_DATA, null, null));

        assertThat(fixture.duplicates(DocumentType.INVOICE, SUSPECT.value())).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(DuplicateOutcome.CORRECTED);
            assertThat(row.detail()).endsWith("; resolved " + NINE.plusSeconds(600) + " by PROCUREMENT");
        });
    }

    @Test
    void anOutcomeOnceGivenStaysAndOtherExceptionsLeaveTheDuplicatesAlone() {
        fixture.recordedAs(by("evt-3", null), suspicion(ORIGINAL))
                .given(resolved(ExceptionKind.MATCH_VARIANCE, ExceptionResolution.OVERRIDE, "carol", null),
                        new InvoiceMatched(SUSPECT, US01, ORDER, List.of(), "receipt", PROCUREMENT,
                                NINE.plusSeconds(700)));

        assertThat(fixture.duplicates(DocumentType.INVOICE, SUSPECT.value())).extracting(DuplicateRow::outcome)
                .containsExactly(DuplicateOutcome.OPEN);

        fixture.given(resolved(ExceptionKind.DUPLICATE_SUSPICION, ExceptionResolution.CORRECTED_DATA, "dave", null),
                resolved(ExceptionKind.DUPLICATE_SUSPICION, ExceptionResolution.OVERRIDE, "erin", null));

        assertThat(fixture.duplicates(DocumentType.INVOICE, SUSPECT.value())).extracting(DuplicateRow::outcome)
                .containsExactly(DuplicateOutcome.CORRECTED);
    }

    @Test
    void eventsThatCatchNothingLeaveNoRow() {
        fixture.given(new SupplierRequestApproved(SUPPLIER, "mdm", MDM, NINE),
                new InvoiceExceptionRaised(SUSPECT, US01, 1, ExceptionKind.MATCH_VARIANCE, "NA", "AP-NA", SUPPLIER,
                        ORDER, Money.of("100.00", "USD"), null, "variance", List.of(), PROCUREMENT, NINE));

        assertThat(fixture.duplicates(DocumentType.SUPPLIER, SUPPLIER.value())).isEmpty();
        assertThat(fixture.duplicates(DocumentType.INVOICE, SUSPECT.value())).isEmpty();
    }

    private static Envelope by(String eventId, String connector) {
        return new Envelope(eventId, 0, null, RECORDED,
                connector == null ? Map.of() : Map.of(LedgerMetadata.CONNECTOR_ID, connector));
    }

    private static InvoiceExceptionRaised suspicion(InvoiceId... originals) {
        return new InvoiceExceptionRaised(SUSPECT, US01, 1, ExceptionKind.DUPLICATE_SUSPICION, "NA", "AP-NA", SUPPLIER,
                ORDER, Money.of("100.00", "USD"), null, "same supplier and gross", List.of(originals), PROCUREMENT,
                NINE);
    }

    private static InvoiceExceptionResolved resolved(ExceptionKind kind, ExceptionResolution resolution, String by,
                                                     String reason) {
        return new InvoiceExceptionResolved(SUSPECT, US01, 1, kind, resolution, by, reason, PROCUREMENT,
                NINE.plusSeconds(600));
    }
}
