package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.calsync.emulator.graph.http.ControlApi;
import dev.calsync.emulator.graph.http.GraphApi;
import dev.calsync.emulator.graph.http.GraphFrontEnd;
import dev.calsync.emulator.graph.push.Subscriptions;
import dev.calsync.emulator.graph.seed.SeedLoader;
import dev.calsync.emulator.graph.store.CalendarStore;
import dev.calsync.emulator.graph.store.EventRenderer;
import dev.calsync.emulator.graph.store.EventView;
import dev.calsync.emulator.graph.store.EventWrites;
import dev.calsync.emulator.graph.store.GraphContext;
import dev.calsync.emulator.graph.store.Instance;
import dev.calsync.emulator.graph.store.Instances;
import dev.calsync.emulator.graph.store.Mailbox;
import dev.calsync.emulator.graph.store.MasterCategories;
import dev.calsync.emulator.graph.store.MailboxRegistry;
import dev.calsync.emulator.graph.store.StoredEvent;
import dev.calsync.emulator.graph.store.GraphIds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory Microsoft Graph v1.0 calendar server (the paths, JSON, errors, delta rounds and subscriptions calsync
 * uses), for tests, the demo and the benchmark. Point a Graph client at {@link #graphUrl()}. It can run on a server
 * of its own ({@link #start(int)}) or share one, e.g. the Google emulator's port ({@link #mount(HttpServer, String)}).
 *
 * <p>In-process {@code user*} methods simulate a person editing their calendar in Outlook: they change the calendar
 * like API writes (change keys, delta, notifications) but are never metered nor faulted.
 */
public final class GraphEmulator implements AutoCloseable {
    /** Where {@link #start(int)} mounts the emulator, and where {@code calsync emulator} serves it. */
    public static final String DEFAULT_BASE_PATH = "/graph/";

    static {
        // Without it every answer of the JDK server waits for the client's delayed ACK (about 40 ms on loopback).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final GraphContext context = new GraphContext();
    private final MailboxRegistry mailboxes = new MailboxRegistry();
    private final Faults faults = new Faults(context);
    private final CallCounters counters = new CallCounters();
    private final Subscriptions subscriptions = new Subscriptions(context);
    private final EventWrites userWrites = new EventWrites(context);
    private final HttpServer server;
    private final ExecutorService ownExecutor;
    private final List<HttpContext> contexts;
    private final String graphUrl;
    private final String controlUrl;

    private GraphEmulator(HttpServer server, String basePath, ExecutorService ownExecutor) {
        String base = (basePath.startsWith("/") ? "" : "/") + basePath + (basePath.endsWith("/") ? "" : "/");
        this.server = server;
        this.ownExecutor = ownExecutor;
        context.onChange(subscriptions::changed);
        GraphApi api = new GraphApi(mailboxes, context, subscriptions, faults, counters);
        this.contexts = List.of(
                server.createContext(base + "v1.0/", GraphFrontEnd.api(base + "v1.0/", api, faults)),
                server.createContext(base + "emulator/", GraphFrontEnd.control(base + "emulator/", new ControlApi(this))));
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1" : server.getAddress().getHostString();
        String root = "http://" + host + ":" + server.getAddress().getPort() + base;
        this.graphUrl = root + "v1.0/";
        this.controlUrl = root + "emulator/";
    }

    /** A server of its own on 127.0.0.1 (port 0: any free port), serving under {@value #DEFAULT_BASE_PATH}. */
    public static GraphEmulator start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "graph-emulator-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            GraphEmulator emulator = new GraphEmulator(server, DEFAULT_BASE_PATH, executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Graph emulator on 127.0.0.1:" + port, e);
        }
    }

    /**
     * Serves Graph on a server someone else runs: {@code basePath + "v1.0/"} (the API) and {@code basePath + "emulator/"}
     * (the control API). {@link #close()} then removes only these paths.
     */
    public static GraphEmulator mount(HttpServer server, String basePath) { return new GraphEmulator(server, basePath, null); }

    /** The Graph service root, e.g. "http://127.0.0.1:8089/graph/v1.0/" (what {@code microsoft.graphUrl} takes). */
    public String graphUrl() { return graphUrl; }

    public String controlUrl() { return controlUrl; }

    @Override
    public void close() {
        subscriptions.close();
        if (ownExecutor == null) {
            for (HttpContext c : contexts) server.removeContext(c);
            return;
        }
        server.stop(0);
        ownExecutor.shutdownNow();
        try {
            ownExecutor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- setup ------------------------------------------------------------------------------------------------

    /** A mailbox whose API calls authenticate with {@code Authorization: Bearer <token>}. */
    public GraphEmulator addMailbox(String mailboxId, String token, String displayName, String address, String timeZone) {
        mailboxes.add(mailboxId, token, displayName, address, timeZone);
        return this;
    }

    /**
     * The mailbox's master list of Outlook categories (what colours events through their {@code categories}), and
     * what its grant allows there ({@code setAccess}: without {@code MailboxSettings.*} the API answers 403). Used
     * in-process it is a person editing the list in Outlook: never metered, never faulted.
     */
    public MasterCategories masterCategories(String mailboxId) { return mailbox(mailboxId).masterCategories(); }

    /** Adds a calendar and returns its Graph id (derived from mailbox and name, so it is the same on every run). */
    public String addCalendar(String mailboxId, String name, boolean isDefault) { return mailbox(mailboxId).addCalendar(null, name, isDefault).id(); }

    /** Loads a seed file; see {@link SeedLoader} for the format. */
    public void loadSeed(Path file) {
        try {
            loadSeed(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Graph seed " + file, e);
        }
    }

    public void loadSeed(InputStream json) { new SeedLoader(this).load(json); }

    /** The bundled sample: alice's Microsoft 365 mailbox (alice-m365), with times relative to now. */
    public void loadDemoSeed() {
        InputStream demo = GraphEmulator.class.getResourceAsStream("demo-seed.json");
        if (demo == null) throw new IllegalStateException("demo-seed.json missing from the classpath");
        loadSeed(demo);
    }

    public List<String> mailboxIds() { return mailboxes.all().stream().map(Mailbox::id).toList(); }

    public String tokenOf(String mailboxId) { return mailbox(mailboxId).token(); }

    public List<String> calendarIdsOf(String mailboxId) { return mailbox(mailboxId).calendars().stream().map(CalendarStore::id).toList(); }

    /** One line per mailbox, like the Google emulator prints its accounts. */
    public String describeMailboxes() {
        StringBuilder sb = new StringBuilder();
        for (String id : mailboxIds()) {
            sb.append("  account ").append(id).append("  token ").append(tokenOf(id))
              .append("  calendars ").append(String.join(", ", calendarIdsOf(id))).append('\n');
        }
        return sb.toString();
    }

    // --- simulated user edits (not metered, no faults) --------------------------------------------------------

    /**
     * Creates an event as its owner would in Outlook. Beyond the API's fields it takes {@code isCancelled},
     * {@code responseStatus}, {@code organizer}, {@code isOrganizer} and {@code iCalUId} (an invitation received).
     */
    public ObjectNode userCreate(String calendarId, ObjectNode event) {
        return render(userWrites.create(calendar(calendarId), event, true).instance());
    }

    /** Changes an event, series master or occurrence (which becomes an exception). */
    public ObjectNode userPatch(String calendarId, String eventId, ObjectNode patch) {
        CalendarStore c = calendar(calendarId);
        return render(userWrites.patch(c.owner(), c, eventId, patch, true).instance());
    }

    /** Deletes an event or series, or one occurrence of a series. */
    public void userDelete(String calendarId, String eventId) {
        CalendarStore c = calendar(calendarId);
        userWrites.delete(c.owner(), c, eventId);
    }

    /** The event (single, master, occurrence or exception) as GET answers it, or null if there is none. */
    public ObjectNode userGet(String calendarId, String eventId) {
        CalendarStore c = calendar(calendarId);
        try {
            return render(userWrites.find(c.owner(), c, eventId).instance());
        } catch (GraphError e) {
            if (e.status() == 404 || e.status() == 400) return null;
            throw e;
        }
    }

    /** What calendarView would answer for [start, end), all pages at once. */
    public List<ObjectNode> userCalendarView(String calendarId, Instant start, Instant end) {
        CalendarStore c = calendar(calendarId);
        return c.allAt(c.currentSeq()).stream().flatMap(e -> Instances.within(e, start, end).stream())
                .sorted(Instances.BY_START).map(GraphEmulator::render).toList();
    }

    /**
     * The id of a series' occurrence by its position (0 = first; deleted occurrences keep their place), for seeds and
     * tests that change or delete "the third occurrence".
     */
    public String userOccurrenceId(String calendarId, String seriesId, int index) {
        StoredEvent series = calendar(calendarId).current(seriesId);
        if (series == null || !series.isSeries()) throw new IllegalArgumentException("no series " + seriesId + " in " + calendarId);
        List<LocalDate> dates = series.recurrence().firstDates(index + 1);
        if (dates.size() <= index) throw new IllegalArgumentException("series " + seriesId + " has fewer than " + (index + 1) + " occurrences");
        return GraphIds.occurrenceId(seriesId, Instances.originalStart(series, dates.get(index)));
    }

    /** The change number of a calendar: grows by one per stored change. */
    public long changeCount(String calendarId) { return calendar(calendarId).currentSeq(); }

    // --- control ----------------------------------------------------------------------------------------------

    public Faults faults() { return faults; }

    public CallCounters counters() { return counters; }

    public Subscriptions subscriptions() { return subscriptions; }

    /** Time source for created/modified times, subscription expiry and the seed's "today". Default: system clock. */
    public void setClock(Clock clock) { context.setClock(clock); }

    public Clock clock() { return context.clock(); }

    /** For the seed loader and the control API. */
    public MailboxRegistry mailboxes() { return mailboxes; }

    private static ObjectNode render(Instance i) { return EventRenderer.render(i, EventView.UTC); }

    private Mailbox mailbox(String mailboxId) {
        Mailbox m = mailboxes.byId(mailboxId);
        if (m == null) throw new IllegalArgumentException("no mailbox " + mailboxId);
        return m;
    }

    private CalendarStore calendar(String calendarId) {
        CalendarStore c = mailboxes.calendar(calendarId);
        if (c == null) throw new IllegalArgumentException("no calendar " + calendarId);
        return c;
    }
}
