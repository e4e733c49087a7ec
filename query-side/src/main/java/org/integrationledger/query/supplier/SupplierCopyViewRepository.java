package org.integrationledger.query.supplier;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;

interface SupplierCopyViewRepository extends JpaRepository<SupplierCopyView, SupplierCopyView.Key>,
        JpaSpecificationExecutor<SupplierCopyView> {

    List<SupplierCopyView> findBySupplierIdOrderBySystemId(String supplierId);
}
