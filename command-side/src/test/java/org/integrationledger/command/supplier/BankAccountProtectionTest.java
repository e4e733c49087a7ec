package org.integrationledger.command.supplier;

import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.integrationledger.command.supplier.SupplierFixture.IBAN;
import static org.integrationledger.command.supplier.SupplierFixture.PROTECTION;

/** The clear account number becomes the last four characters plus a keyed fingerprint, and nothing else. */
class BankAccountProtectionTest {

    @Test
    void keepsOnlyTheLastFourCharactersAndAKeyedFingerprint() {
        ProtectedBankAccount account = PROTECTION.protect(IBAN);

        assertThat(account.masked()).isEqualTo("****3000");
        assertThat(account.fingerprint()).matches("hmac-sha256:[0-9a-f]{64}");
        assertThat(account.toString()).doesNotContain(IBAN).doesNotContain("0532013");
    }

    @Test
    void theSameAccountWrittenDifferentlyHasTheSameFingerprint() {
        assertThat(PROTECTION.protect("de89 3704 0044 0532 0130 00")).isEqualTo(PROTECTION.protect(IBAN));
        assertThat(PROTECTION.protect("DE02120300000000202051").sameAccountAs(PROTECTION.protect(IBAN))).isFalse();
    }

    @Test
    void anotherSecretGivesAnotherFingerprint() {
        BankAccountProtection other = new BankAccountProtection(new SupplierProperties("ERP_NA",
                "another-secret-another-secret-another", Map.of()));
        assertThat(other.protect(IBAN).fingerprint()).isNotEqualTo(PROTECTION.protect(IBAN).fingerprint());
    }

    @Test
    void refusesAShortSecretAndNumbersThatCannotBeAccounts() {
        assertThatThrownBy(() -> new SupplierProperties("ERP_NA", "short", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PROTECTION.protect("12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProtectedBankAccount(IBAN, "hmac-sha256:" + "0".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(IBAN);
    }
}
