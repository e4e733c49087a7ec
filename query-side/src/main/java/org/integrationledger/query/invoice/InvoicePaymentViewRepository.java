package org.integrationledger.query.invoice;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface InvoicePaymentViewRepository extends JpaRepository<InvoicePaymentView, String> {

    List<InvoicePaymentView> findByInvoiceId(String invoiceId);

    Page<InvoicePaymentView> findByExecutedAtIsNotNullAndConfirmationAcknowledgedAtIsNull(Pageable page);

    Page<InvoicePaymentView> findByLegalEntityAndExecutedAtIsNotNullAndConfirmationAcknowledgedAtIsNull(
            String legalEntity, Pageable page);
}
