package org.integrationledger.query.invoice;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface InvoiceExceptionViewRepository extends JpaRepository<InvoiceExceptionView, String>,
        JpaSpecificationExecutor<InvoiceExceptionView> {
}
