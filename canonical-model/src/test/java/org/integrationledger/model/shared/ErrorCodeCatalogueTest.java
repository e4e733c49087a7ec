package org.integrationledger.model.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error-code catalogue in docs/canonical-model.md is generated from {@link ErrorCode}: every code, its status and
 * when it is answered, in the enum's order, between the {@code error-codes} markers. A code added, renamed or
 * re-explained in the enum and not in the docs fails here. To write the table anew, run {@value #REGENERATE}.
 */
class ErrorCodeCatalogueTest {

    static final String REGENERATE =
            "./mvnw -pl canonical-model test -Dtest=ErrorCodeCatalogueTest -Dledger.write-error-codes=true";
    private static final Path DOC = Path.of("../docs/canonical-model.md");
    private static final String START = "<!-- error-codes:start (generated from ErrorCode by ErrorCodeCatalogueTest) -->\n";
    private static final String END = "<!-- error-codes:end -->\n";

    @Test
    void theDocsListEveryErrorCodeAsTheEnumDefinesIt() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as("the catalogue's markers in " + DOC).isNotNegative();
        assertThat(end).isGreaterThan(start);
        String generated = catalogue();

        if (Boolean.getBoolean("ledger.write-error-codes")) {
            Files.writeString(DOC, doc.substring(0, start + START.length()) + generated + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc.substring(start + START.length(), end)).as("the error-code catalogue in docs/canonical-model.md "
                + "differs from ErrorCode; write it anew with `" + REGENERATE + "`").isEqualTo(generated);
    }

    @Test
    void everyCodeIsAStableKebabCaseNameWithAnErrorStatusAndAMeaning() {
        assertThat(ErrorCode.values()).allSatisfy(code -> {
            assertThat(code.code()).matches("[a-z]+(-[a-z]+)*");
            assertThat(code.httpStatus()).isBetween(400, 599);
            assertThat(code.meaning()).isNotBlank().doesNotContain("|", "\n");
        });
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).distinct()).hasSize(ErrorCode.values().length);
    }

    static String catalogue() {
        return "| code | HTTP | when |\n|---|---|---|\n" + Arrays.stream(ErrorCode.values())
                .map(code -> "| `" + code.code() + "` | " + code.httpStatus() + " | " + code.meaning() + " |\n")
                .collect(Collectors.joining());
    }
}
