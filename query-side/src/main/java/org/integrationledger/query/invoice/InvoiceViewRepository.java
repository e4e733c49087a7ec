package org.integrationledger.query.invoice;

import org.springframework.data.jpa.repository.JpaRepository;

interface InvoiceViewRepository extends JpaRepository<InvoiceView, String> {
}
