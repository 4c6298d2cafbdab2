package dev.calsync.app.web;

import dev.calsync.app.demo.DemoUsers;
import dev.calsync.app.server.ServerSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: "Sign in with Google" in {@code serve}, the marked demo sign-in in {@code demo}. */
@Controller
public class LoginController {

    private final ServerSettings settings;

    public LoginController(ServerSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/login")
    public String login(Model model) {
        if (settings.mode() == ServerSettings.Mode.DEMO) {
            model.addAttribute("demoUsers", DemoUsers.ALL);
            model.addAttribute("demoPassword", DemoUsers.PASSWORD);
            return "demo-login";
        }
        return "login";
    }
}
