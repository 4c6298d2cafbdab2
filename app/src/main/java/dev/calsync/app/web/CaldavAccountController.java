package dev.calsync.app.web;

import dev.calsync.app.accounts.CaldavConnections;
import dev.calsync.app.security.SignedInUser;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.store.Account;
import java.lang.System.Logger.Level;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Connect a CalDAV account" (iCloud, Fastmail, Nextcloud, any CalDAV server): server URL, username and
 * app-specific password, stored only when discovery with them finds the account's calendars.
 */
@Controller
public class CaldavAccountController {
    private static final System.Logger LOG = System.getLogger(CaldavAccountController.class.getName());

    private final CaldavConnections connections;

    public CaldavAccountController(CaldavConnections connections) {
        this.connections = connections;
    }

    @GetMapping("/accounts/caldav")
    public String form(SignedInUser user, Model model) {
        return page(user, CaldavForm.blank(), Map.of(), model);
    }

    @PostMapping("/accounts/caldav")
    public String connect(SignedInUser user, @ModelAttribute CaldavForm form, Model model,
                          RedirectAttributes redirect) {
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            return page(user, form, problems, model);
        }
        try {
            Account account = connections.connect(user.id(), form.login());
            redirect.addFlashAttribute("message", "Connected " + account.email() + " (" + account.displayName()
                    + ").");
            return "redirect:/accounts";
        } catch (ProviderException e) {
            // The message names the request and status, never the password.
            LOG.log(Level.INFO, "connecting a CalDAV account for {0} failed: {1}", user.id(), e.getMessage());
            return page(user, form, Map.of(e.kind() == ProviderException.Kind.UNAUTHORIZED ? "password" : "url",
                    explanation(e)), model);
        }
    }

    private static String explanation(ProviderException e) {
        return switch (e.kind()) {
            case UNAUTHORIZED -> "The server refused this username and password. For iCloud and Fastmail use an"
                    + " app-specific password, not the account's own.";
            case TRANSIENT -> "The server could not be reached (or did not answer in time). Check the address.";
            default -> "No CalDAV calendars were found at this address. Use the server's CalDAV address, such as"
                    + " https://caldav.icloud.com/ or https://caldav.fastmail.com/.";
        };
    }

    private static String page(SignedInUser user, CaldavForm form, Map<String, String> problems, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("form", form.withoutPassword());
        model.addAttribute("problems", problems);
        return "caldav-connect";
    }
}
