package org.integrationledger.query.invoice;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;

interface InvoiceExceptionViewRepository extends JpaRepository<InvoiceExceptionView, String>,
        JpaSpecificationExecutor<InvoiceExceptionView> {

    List<InvoiceExceptionView> findByInvoiceId(String invoiceId);
}
