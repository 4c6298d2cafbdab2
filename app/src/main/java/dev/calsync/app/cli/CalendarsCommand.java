package dev.calsync.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.app.config.AccountConfig;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.runtime.Reports;
import dev.calsync.app.runtime.SyncRuntime;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.provider.ProviderException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists what to write in a group's {@code calendar:}: every account's calendars, whatever its provider. */
@Command(name = "calendars",
        description = "Lists every configured account's calendars (id, name, access) so you can name them in groups.")
public final class CalendarsCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--account", paramLabel = "ID", description = "Only this account.")
    String account;

    @Option(names = "--json", description = "Print the calendars as JSON.")
    boolean json;

    public CalendarsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CalsyncConfig loaded = config.require(context);
        PrintWriter out = spec.commandLine().getOut();
        List<AccountConfig> accounts = loaded.accounts().stream()
                .filter(a -> account == null || a.id().equals(account)).toList();
        if (accounts.isEmpty()) {
            spec.commandLine().getErr().println("calsync calendars: no account '" + account + "' in the configuration"
                    + " (known: " + String.join(", ", loaded.accounts().stream().map(AccountConfig::id).toList()) + ")");
            return ExitCodes.USAGE;
        }
        boolean allListed = true;
        ArrayNode result = Reports.object().arrayNode();
        try (SyncRuntime runtime = new SyncRuntime(loaded, context.env())) {
            for (AccountConfig declared : accounts) {
                ObjectNode node = result.addObject().put("account", declared.id()).put("provider", declared.provider());
                ArrayNode calendars = node.putArray("calendars");
                if (!json) {
                    out.printf("account %s (%s)%n", declared.id(), declared.provider());
                }
                try {
                    List<CalendarInfo> listed = runtime.provider().listCalendars(declared.id());
                    // Read afresh: the groups' names of this account are resolved again on their next use.
                    runtime.calendarNames().forget(declared.id());
                    for (CalendarInfo calendar : listed) {
                        String access = calendar.writable() ? "read-write" : "read-only";
                        calendars.addObject().put("id", calendar.id()).put("name", calendar.summary())
                                .put("primary", calendar.primary()).put("access", access);
                        if (!json) {
                            out.printf("  %-40s %-24s %s%s%n", calendar.id(), calendar.summary(), access,
                                    calendar.primary() ? ", primary" : "");
                        }
                    }
                } catch (ProviderException e) {
                    allListed = false;
                    node.put("error", e.getMessage());
                    if (!json) {
                        out.printf("  cannot list calendars: %s%n", e.getMessage());
                    }
                }
            }
        }
        if (json) {
            ObjectNode root = Reports.object();
            root.set("accounts", result);
            Reports.printJson(out, root);
        }
        return allListed ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
    }
}
