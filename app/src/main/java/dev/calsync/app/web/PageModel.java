package dev.calsync.app.web;

import dev.calsync.app.server.ServerSettings;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: whether to show the demo banner. */
@ControllerAdvice
public class PageModel {

    private final ServerSettings settings;

    public PageModel(ServerSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("demoMode")
    public boolean demoMode() {
        return settings.mode() == ServerSettings.Mode.DEMO;
    }
}
