package org.integrationledger.query.purchaseorder;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PurchaseOrderViewRepository extends JpaRepository<PurchaseOrderView, String>,
        JpaSpecificationExecutor<PurchaseOrderView> {
}
