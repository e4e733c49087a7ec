package org.integrationledger.query.supplier;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupplierViewRepository extends JpaRepository<SupplierView, String> {
}
