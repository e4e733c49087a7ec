package org.integrationledger.query.paging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CappedTotalTest {

    @Test
    void isExactUpToTheCapInclusive() {
        assertThat(CappedTotal.of(0, 2)).isEqualTo(new CappedTotal(0, true));
        assertThat(CappedTotal.of(2, 2)).isEqualTo(new CappedTotal(2, true));
    }

    @Test
    void saysAtLeastTheCapWhenMoreMatched() {
        assertThat(CappedTotal.of(3, 2)).isEqualTo(new CappedTotal(2, false));
    }

    @Test
    void defaultsToOneThousandAndRefusesALimitBelowOne() {
        assertThat(new PagingSettings(null).totalCountLimit()).isEqualTo(1_000);
        assertThatThrownBy(() -> new PagingSettings(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
