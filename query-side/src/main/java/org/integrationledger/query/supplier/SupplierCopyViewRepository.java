package org.integrationledger.query.supplier;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

interface SupplierCopyViewRepository extends JpaRepository<SupplierCopyView, SupplierCopyView.Key>,
        JpaSpecificationExecutor<SupplierCopyView> {

    List<SupplierCopyView> findBySupplierIdOrderBySystemId(String supplierId);

    /** Per system and region: copies, pending ones, failed ones, the oldest pending since (null filters: any). */
    @Query("""
            SELECT c.systemId, c.region, count(c),
                   sum(CASE WHEN c.pendingSince IS NULL THEN 0 ELSE 1 END),
                   sum(CASE WHEN c.failedVersion IS NULL THEN 0 ELSE 1 END),
                   min(c.pendingSince)
            FROM SupplierCopyView c
            WHERE (:system IS NULL OR c.systemId = :system) AND (:region IS NULL OR c.region = :region)
            GROUP BY c.systemId, c.region ORDER BY c.systemId, c.region""")
    List<Object[]> countBySystem(@Param("system") String system, @Param("region") String region);
}
