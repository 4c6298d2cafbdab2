package dev.calsync.app.web;

import dev.calsync.app.schedule.SyncScheduler;
import dev.calsync.app.security.SignedInUser;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.Verifier;
import dev.calsync.core.sync.VerifyReport;
import dev.calsync.store.JdbcSyncStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's buttons: Sync now, Full resync (the emergency trigger) and Verify. */
@Controller
public class SyncActionsController {

    private final OwnedResources owned;
    private final SyncScheduler scheduler;
    private final Verifier verifier;
    private final JdbcSyncStore store;

    public SyncActionsController(OwnedResources owned, SyncScheduler scheduler, Verifier verifier,
                                 JdbcSyncStore store) {
        this.owned = owned;
        this.scheduler = scheduler;
        this.verifier = verifier;
        this.store = store;
    }

    @PostMapping("/groups/{groupId}/sync")
    public String syncNow(SignedInUser user, @PathVariable String groupId, RedirectAttributes redirect) {
        return queue(owned.group(user, groupId), false, redirect);
    }

    @PostMapping("/groups/{groupId}/full-resync")
    public String fullResync(SignedInUser user, @PathVariable String groupId, RedirectAttributes redirect) {
        return queue(owned.group(user, groupId), true, redirect);
    }

    @PostMapping("/groups/{groupId}/verify")
    public String verify(SignedInUser user, @PathVariable String groupId, Model model) {
        SyncGroup group = owned.group(user, groupId);
        VerifyReport report = verifier.verify(group);
        model.addAttribute("user", user);
        model.addAttribute("group", group);
        model.addAttribute("report", report);
        model.addAttribute("kinds", VerifyReport.Kind.values());
        return "verify";
    }

    private String queue(SyncGroup group, boolean full, RedirectAttributes redirect) {
        if (store.isPaused(group.id())) {
            redirect.addFlashAttribute("message", "Group " + group.id()
                    + " is paused until its accounts are reconnected (see Accounts).");
            return "redirect:/dashboard";
        }
        String what = (full ? "A full resync" : "A sync") + " of " + group.id();
        redirect.addFlashAttribute("message", scheduler.requestSyncUnlessQueued(group.id(), full).isPresent()
                ? what + " is queued; the status below updates by itself."
                : what + " is already queued; it runs as soon as a worker is free.");
        return "redirect:/dashboard#group-" + group.id();
    }
}
