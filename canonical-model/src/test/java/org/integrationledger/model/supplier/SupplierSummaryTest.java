package org.integrationledger.model.supplier;

import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SupplierSummaryTest {

    @Test
    void vendorNumbersKeepOneOrderWhateverOrderTheyCameIn() {
        Map<String, String> erpFirst = new LinkedHashMap<>();
        erpFirst.put("ERP_NA", "V-1");
        erpFirst.put("ERP_EMEA", "V-2");
        erpFirst.put("PROCUREMENT", "V-3");
        Map<String, String> procurementFirst = new LinkedHashMap<>();
        procurementFirst.put("PROCUREMENT", "V-3");
        procurementFirst.put("ERP_NA", "V-1");
        procurementFirst.put("ERP_EMEA", "V-2");

        assertThat(summary(erpFirst).vendorNumbers().keySet())
                .containsExactly("ERP_EMEA", "ERP_NA", "PROCUREMENT")
                .containsExactlyElementsOf(summary(procurementFirst).vendorNumbers().keySet());
    }

    private static SupplierSummary summary(Map<String, String> vendorNumbers) {
        return new SupplierSummary(SupplierId.of("SUP-1"), SupplierState.values()[0], "ACME", SystemId.of("ERP_NA"), 1,
                vendorNumbers, null, null, null, null, null, false, List.of("US01"), List.of(), null, null);
    }
}
