package org.integrationledger.simulator.workload;

/** Just enough JSON writing for request bodies built from generated, well-formed values. */
final class Json {

    private Json() {
    }

    static String str(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** {@code "name": value} pairs; values already JSON. */
    static String object(String... namesAndValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            out.append(str(namesAndValues[i])).append(':').append(namesAndValues[i + 1]);
        }
        return out.append('}').toString();
    }

    static String array(Iterable<String> values) {
        return "[" + String.join(",", values) + "]";
    }
}
