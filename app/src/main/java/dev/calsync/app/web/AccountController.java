package dev.calsync.app.web;

import dev.calsync.app.accounts.ConnectFlow;
import dev.calsync.app.accounts.ConnectFlows;
import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.accounts.PendingConnect;
import dev.calsync.app.accounts.TokenEndpointException;
import dev.calsync.app.security.SignedInUser;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.store.Account;
import jakarta.servlet.http.HttpSession;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Connected accounts, and "connect another Google account" / "connect a Microsoft account" (also how an account is
 * reconnected): each provider's authorization-code flow, with its own callback path (the redirect URI registered at
 * the provider).
 */
@Controller
public class AccountController {
    private static final System.Logger LOG = System.getLogger(AccountController.class.getName());
    static final String PENDING = AccountController.class.getName() + ".pending";
    private static final String GOOGLE = "google";
    private static final String MICROSOFT = "microsoft";

    private final OwnedResources owned;
    private final ObjectProvider<ConnectFlows> connectFlows;
    private final ConnectedAccounts connected;
    private final CalendarLists calendarLists;

    public AccountController(OwnedResources owned, ObjectProvider<ConnectFlows> connectFlows,
                             ConnectedAccounts connected, CalendarLists calendarLists) {
        this.owned = owned;
        this.connectFlows = connectFlows;
        this.connected = connected;
        this.calendarLists = calendarLists;
    }

    @GetMapping("/accounts")
    public String accounts(SignedInUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("accounts", owned.accounts(user));
        model.addAttribute("canConnect", flowOf(GOOGLE).isPresent());
        model.addAttribute("canConnectMicrosoft", flowOf(MICROSOFT).isPresent());
        return "accounts";
    }

    /** A link, not a form: the state kept in the session is what ties the answer to this person's request. */
    @GetMapping("/accounts/connect")
    public String connect(SignedInUser user, HttpSession session) {
        return begin(GOOGLE, "/accounts/connect/callback", user, session);
    }

    @GetMapping("/accounts/connect/callback")
    public String callback(SignedInUser user, HttpSession session, @RequestParam(required = false) String code,
                           @RequestParam(required = false) String state,
                           @RequestParam(required = false) String error, RedirectAttributes redirect) {
        return finish(GOOGLE, "Google", user, session, code, state, error, redirect);
    }

    @GetMapping("/accounts/connect/microsoft")
    public String connectMicrosoft(SignedInUser user, HttpSession session) {
        return begin(MICROSOFT, "/accounts/connect/microsoft/callback", user, session);
    }

    @GetMapping("/accounts/connect/microsoft/callback")
    public String callbackMicrosoft(SignedInUser user, HttpSession session,
                                    @RequestParam(required = false) String code,
                                    @RequestParam(required = false) String state,
                                    @RequestParam(required = false) String error, RedirectAttributes redirect) {
        return finish(MICROSOFT, "Microsoft", user, session, code, state, error, redirect);
    }

    private String begin(String provider, String callbackPath, SignedInUser user, HttpSession session) {
        ConnectFlow flow = flow(provider);
        String callback = ServletUriComponentsBuilder.fromCurrentContextPath().path(callbackPath).toUriString();
        PendingConnect pending = flow.begin(user.id(), callback);
        session.setAttribute(PENDING, pending);
        return "redirect:" + flow.authorizationUrl(pending);
    }

    /** A callback pairs with the request this session started, at this provider's path (its redirect URI). */
    private String finish(String provider, String providerName, SignedInUser user, HttpSession session, String code,
                          String state, String error, RedirectAttributes redirect) {
        ConnectFlow flow = flow(provider);
        Object pending = session.getAttribute(PENDING);
        session.removeAttribute(PENDING);
        if (!(pending instanceof PendingConnect request) || !request.matches(user.id(), state)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no matching connect request");
        }
        if (error != null || code == null) {
            redirect.addFlashAttribute("message", providerName + " did not connect the account ("
                    + (error == null ? "no code" : error.replaceAll("[^a-z_]", "")) + ").");
            return "redirect:/accounts";
        }
        try {
            Account account = connected.connect(user.id(), provider, flow.finish(request, code));
            // A reconnected account may see other calendars than before.
            calendarLists.forget(account.id());
            redirect.addFlashAttribute("message", "Connected " + account.email() + ".");
        } catch (TokenEndpointException | ProviderException e) {
            LOG.log(Level.WARNING, "connecting an account for {0} failed: {1}", user.id(), e.getMessage());
            redirect.addFlashAttribute("message", "The account could not be connected; please try again.");
        }
        return "redirect:/accounts";
    }

    private Optional<ConnectFlow> flowOf(String provider) {
        ConnectFlows flows = connectFlows.getIfAvailable();
        return flows == null ? Optional.empty() : flows.of(provider);
    }

    private ConnectFlow flow(String provider) {
        // The demo's accounts are connected up front, and Microsoft's needs an app registration: else no flow.
        return flowOf(provider).orElseThrow(() -> new NotFoundException("account connection"));
    }
}
