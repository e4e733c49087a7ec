package org.integrationledger.client.compatibility;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed contract ({@code docs/openapi.json}) breaks no client of the last released one
 * ({@code docs/api/released/openapi-v1.json}); an operation may go only after the released contract marked it
 * deprecated (docs/api-governance.md).
 */
class ReleasedContractCompatibilityTest {

    static final Path RELEASED = Path.of("../docs/api/released/openapi-v1.json");
    static final Path CURRENT = Path.of("../docs/openapi.json");

    @Test
    void theCommittedContractKeepsEveryReleasedPromise() throws IOException {
        ContractCompatibility.Verdict verdict = ContractCompatibility.compare(
                Files.readString(RELEASED, StandardCharsets.UTF_8), Files.readString(CURRENT, StandardCharsets.UTF_8));

        assertThat(verdict.breaking()).as("docs/openapi.json breaks clients of the released contract "
                + "docs/api/released/openapi-v1.json. Keep the old shape, add instead of changing, or deprecate the "
                + "operation (@DeprecatedOperation) in a release first (docs/api-governance.md). openapi-diff's "
                + "report:\n" + verdict.report()).isEmpty();
    }
}
