package org.integrationledger.app.console;

import org.integrationledger.app.eventchain.VerificationLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;

/**
 * Operations: whether every view is current, whether the event store's chain is sealed and verifies, and the
 * admin's actions on them (rebuilds, sealing and verifying checkpoints). Reading is for every console user;
 * {@code /console/admin/**} is for admins only (ConsoleSecurityConfiguration).
 */
@Controller
class OperationsPageController {

    private final ProcessorOverview overview;
    private final CheckpointStatus checkpoints;

    OperationsPageController(ProcessorOverview overview, CheckpointStatus checkpoints) {
        this.overview = overview;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/console/operations")
    Object operations(@RequestParam(required = false) String format, Model model) {
        ProcessorOverview.Overview now = overview.read();
        if (CsvExport.requested(format)) {
            return new CsvExport("processors.csv", List.of("processor", "kind", "state", "position", "head", "lag",
                    "segments", "segments_in_error", "stalled_segments", "parked_documents", "parked_events",
                    "last_rebuild_state", "last_rebuild_finished_at"),
                    now.processors().stream().map(p -> List.of(p.name(), p.streaming() ? "streaming" : "subscribing", p.state(), String.valueOf(p.position()),
                            String.valueOf(now.head()), String.valueOf(p.lag()), String.valueOf(p.segments()),
                            String.valueOf(p.segmentsInError()), String.valueOf(p.stalls().size()),
                            String.valueOf(p.parkedDocuments()), String.valueOf(p.parkedEvents()),
                            p.lastRebuild() == null ? "" : p.lastRebuild().state(),
                            p.lastRebuild() == null ? "" : Formats.text(p.lastRebuild().finishedAt())))
                            .toList()).response();
        }
        model.addAttribute("overview", now);
        model.addAttribute("checkpoints", checkpoints.read());
        return "console/operations";
    }

    @PostMapping("/console/admin/checkpoints/seal")
    String seal(RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", checkpoints.seal()
                .map(latest -> "Sealed up to global index " + latest.toIndex() + " (checkpoint " + latest.checkpointId()
                        + ").")
                .orElse("Nothing to seal yet: no event is final."));
        return "redirect:/console/operations#checkpoints";
    }

    @PostMapping("/console/admin/checkpoints/verify")
    String verify(Principal admin, RedirectAttributes redirect) {
        VerificationLog.Entry done = checkpoints.verify(admin.getName()).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "this process keeps no event chain to verify"));
        redirect.addFlashAttribute("notice", done.intact()
                ? "The event chain and its checkpoints verified: intact."
                : "The event chain is broken: " + done.firstBrokenDetail());
        return "redirect:/console/operations#checkpoints";
    }

    @PostMapping("/console/admin/rebuilds/{projection}")
    String rebuild(@PathVariable String projection, RedirectAttributes redirect) {
        overview.startRebuild(projection).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no rebuildable projection " + projection));
        redirect.addFlashAttribute("notice", "Rebuild of " + projection + " started.");
        return "redirect:/console/operations";
    }
}
