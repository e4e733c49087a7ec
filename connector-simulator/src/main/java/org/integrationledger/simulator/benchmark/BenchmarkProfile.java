package org.integrationledger.simulator.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How long and how wide a benchmark runs. {@code smoke} is the test suite's (one ledger, seconds per phase, no
 * baseline ledgers, no channel phase); {@code quick} and {@code full} run every phase. Any field can be overridden by a flag of
 * the same name ({@code --concurrency=4,16,64 --growth=0,1000000,10000000 --ingest-seconds=30 ...}).
 */
record BenchmarkProfile(String name, List<Integer> concurrency, double warmupSeconds, double ingestSeconds,
                        List<Long> growth, int preloadConcurrency, double lagSeconds, int queryRepetitions,
                        double queryWarmupSeconds, double settleSeconds, boolean split, boolean axonDefaults, boolean jfr,
                        boolean channels) {

    static BenchmarkProfile of(String name, Map<String, String> flags) {
        BenchmarkProfile base = switch (name) {
            // The smoke growth level (a few thousand events) is above what its short traffic stores, so the suite
            // exercises the bulk loader and the catch-up wait in seconds.
            case "smoke" -> new BenchmarkProfile("smoke", List.of(4), 2, 4, List.of(0L, 3_000L), 8, 4, 20, 2, 15, false,
                    false, false, false);
            case "quick" -> new BenchmarkProfile("quick", List.of(4, 16), 10, 15, List.of(0L, 50_000L), 32, 20, 200,
                    30, 120, true, true, true, true);
            // The full warm-up is two minutes: on two cores the JIT compiles Spring, Axon and Hibernate for
            // minutes (237 s of compilation in the 26 November run), and a 30-second warm-up measured the
            // compiler as much as the ledger (200 commands/s two minutes after start, 340/s twenty minutes after).
            // The queries' own warm-up is two minutes as well: the ledger's CPU per list page halved over the first
            // 16,000 requests after a start (docs/benchmarks.md, "The JIT and the query figures").
            case "full" -> new BenchmarkProfile("full", List.of(4, 16, 64), 120, 30, List.of(0L, 1_000_000L), 48, 30,
                    500, 120, 120, true, true, true, true);
            default -> throw new IllegalArgumentException("unknown profile " + name + " (smoke, quick, full)");
        };
        return new BenchmarkProfile(name,
                flags.containsKey("concurrency") ? ints(flags.get("concurrency")) : base.concurrency,
                doubleOr(flags, "warmup-seconds", base.warmupSeconds),
                doubleOr(flags, "ingest-seconds", base.ingestSeconds),
                flags.containsKey("growth") ? longs(flags.get("growth")) : base.growth,
                (int) doubleOr(flags, "preload-concurrency", base.preloadConcurrency),
                doubleOr(flags, "lag-seconds", base.lagSeconds),
                (int) doubleOr(flags, "query-repetitions", base.queryRepetitions),
                doubleOr(flags, "query-warmup-seconds", base.queryWarmupSeconds),
                doubleOr(flags, "settle-seconds", base.settleSeconds),
                Boolean.parseBoolean(flags.getOrDefault("split", Boolean.toString(base.split))),
                Boolean.parseBoolean(flags.getOrDefault("axon-defaults", Boolean.toString(base.axonDefaults))),
                Boolean.parseBoolean(flags.getOrDefault("jfr", Boolean.toString(base.jfr))),
                Boolean.parseBoolean(flags.getOrDefault("channels", Boolean.toString(base.channels))));
    }

    private static double doubleOr(Map<String, String> flags, String key, double fallback) {
        return flags.containsKey(key) ? Double.parseDouble(flags.get(key)) : fallback;
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static List<Long> longs(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Long::parseLong).sorted().toList();
    }
}
