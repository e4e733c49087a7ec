package org.integrationledger.app.console;

import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.query.sla.SlaClock;
import org.integrationledger.query.sla.SlaClockPage;
import org.integrationledger.query.sla.SlaClockState;
import org.integrationledger.query.sla.SlaDailyOutcome;
import org.integrationledger.query.sla.SlaOpenCount;
import org.integrationledger.query.sla.SlaOpenCounts;
import org.integrationledger.query.sla.SlaQueries;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SLA board (question 6): open clocks at risk and breached by rule and region, each count a link to the
 * clocks behind it, which can be narrowed by system and legal entity and lead to their documents; and the trend of
 * breaches per day over the last 30 days, as a chart and as a table.
 */
@Controller
@ConditionalOnProperty(name = "ledger.query-side.enabled", havingValue = "true", matchIfMissing = true)
class SlaBoardController {

    private static final String UNKNOWN_REGION = SlaOpenCounts.UNKNOWN_REGION;
    /** Days the trend covers: today (UTC) and the 29 before it. */
    static final int TREND_DAYS = 30;

    private final SlaQueries queries;
    private final Clock clock;

    SlaBoardController(SlaQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** One line of the board: a rule in a region with its open clocks at risk and breached. */
    record BoardRow(String rule, String region, long atRisk, long breached) {

        /** The region as a list filter; clocks without one cannot be selected by region. */
        public String regionFilter() {
            return UNKNOWN_REGION.equals(region) ? null : region;
        }
    }

    @GetMapping("/console")
    String home() {
        return "redirect:/console/sla";
    }

    @GetMapping("/console/sla")
    Object board(@RequestParam(required = false) String format, Model model) {
        Map<List<String>, long[]> byRuleAndRegion = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (SlaOpenCount count : queries.openCounts()) {
            long[] states = byRuleAndRegion.computeIfAbsent(List.of(count.rule(), count.region()), k -> new long[2]);
            states[count.state() == SlaClockState.BREACHED ? 1 : 0] += count.count();
        }
        List<BoardRow> rows = byRuleAndRegion.entrySet().stream()
                .map(e -> new BoardRow(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1]))
                .toList();
        if (CsvExport.requested(format)) {
            return new CsvExport("sla-board.csv", List.of("rule", "region", "at_risk", "breached"), rows.stream()
                    .map(row -> List.of(row.rule(), row.region(), String.valueOf(row.atRisk()),
                            String.valueOf(row.breached())))
                    .toList()).response();
        }
        model.addAttribute("rows", rows);
        model.addAttribute("atRisk", rows.stream().mapToLong(BoardRow::atRisk).sum());
        model.addAttribute("breached", rows.stream().mapToLong(BoardRow::breached).sum());
        model.addAttribute("rules", queries.rules());
        model.addAttribute("trend", trend());
        return "console/sla";
    }

    /**
     * The breach trend: per UTC day of the last {@link #TREND_DAYS}, the clocks of each rule that stopped late (met
     * late: breached before their stop event came), as {@code GET /api/v1/slas/history} counts them for that day.
     * Only rules with at least one such clock in the period get a column.
     */
    record Trend(LocalDate from, LocalDate to, List<String> rules, List<TrendRow> rows, long total) {
    }

    /** One day of the trend: its met-late clocks per rule (in the order of {@link Trend#rules}) and their sum. */
    record TrendRow(LocalDate day, List<Long> metLate, long total) {
    }

    Trend trend() {
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(TREND_DAYS - 1L);
        List<SlaDailyOutcome> outcomes = queries.dailyOutcomes(from, to);
        List<String> rules = outcomes.stream().filter(o -> o.metLate() > 0).map(SlaDailyOutcome::rule).distinct()
                .sorted().toList();
        Map<LocalDate, Map<String, Long>> byDay = new HashMap<>();
        outcomes.forEach(o -> byDay.computeIfAbsent(o.day(), d -> new HashMap<>()).put(o.rule(), o.metLate()));
        List<TrendRow> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, Long> counts = byDay.getOrDefault(day, Map.of());
            List<Long> perRule = rules.stream().map(rule -> counts.getOrDefault(rule, 0L)).toList();
            rows.add(new TrendRow(day, perRule, perRule.stream().mapToLong(Long::longValue).sum()));
        }
        return new Trend(from, to, rules, rows, rows.stream().mapToLong(TrendRow::total).sum());
    }

    /** The trend's numbers as CSV: one line per day and rule with a clock stopped, met and met late. */
    @GetMapping("/console/sla/trend")
    Object trendCsv(@RequestParam(required = false) String format) {
        if (!CsvExport.requested(format)) {
            return "redirect:/console/sla#sla-trend";
        }
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<List<String>> lines = queries.dailyOutcomes(to.minusDays(TREND_DAYS - 1L), to).stream()
                .map(o -> List.of(o.day().toString(), o.rule(), String.valueOf(o.met()), String.valueOf(o.metLate())))
                .toList();
        return new CsvExport("sla-trend.csv", List.of("day", "rule", "met", "met_late"), lines).response();
    }

    @GetMapping("/console/sla/clocks")
    Object clocks(@RequestParam(required = false) String state, @RequestParam(required = false) String rule,
                  @RequestParam(required = false) String region, @RequestParam(required = false) String system,
                  @RequestParam(required = false) String legalEntity,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                  @RequestParam(required = false) String format, Model model) {
        SlaQueries.OpenFilter filter = new SlaQueries.OpenFilter(blankToNull(state), blankToNull(rule),
                blankToNull(region), blankToNull(system), blankToNull(legalEntity), null);
        if (CsvExport.requested(format)) {
            SlaClockPage all = queries.open(filter, new PageRequest(0, PageRequest.MAX_SIZE));
            return new CsvExport("sla-clocks.csv", List.of("state", "rule", "document_type", "document_id",
                    "region", "system", "legal_entity", "started_at", "due_at", "age", "overdue_by"),
                    all.items().stream().map(SlaBoardController::csvRow).toList()).response();
        }
        SlaClockPage clocks = queries.open(filter, new PageRequest(page, size));
        model.addAttribute("clocks", clocks);
        model.addAttribute("filter", filter);
        return "console/sla-clocks";
    }

    private static List<String> csvRow(SlaClock clock) {
        return List.of(clock.state().name(), clock.rule(), Formats.text(clock.documentType()), clock.documentId(),
                Formats.text(clock.region()), Formats.text(clock.system()), Formats.text(clock.legalEntity()),
                Formats.text(clock.startedAt()), Formats.text(clock.dueAt()), Formats.text(clock.age()),
                Formats.text(clock.overdueBy()));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
