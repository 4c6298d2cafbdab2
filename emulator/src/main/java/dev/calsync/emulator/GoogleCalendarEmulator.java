package dev.calsync.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.calsync.emulator.http.CalendarApi;
import dev.calsync.emulator.http.ControlApi;
import dev.calsync.emulator.http.HttpFrontEnd;
import dev.calsync.emulator.push.PushNotifications;
import dev.calsync.emulator.seed.SeedLoader;
import dev.calsync.emulator.store.CalendarRegistry;
import dev.calsync.emulator.store.CalendarState;
import dev.calsync.emulator.store.EmulatorContext;
import dev.calsync.emulator.store.SyncTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory Google Calendar API v3 server (same paths, JSON, errors, sync tokens, batch, push), for tests, the
 * demo and the benchmark. Point the official client at {@link #rootUrl()}.
 *
 * <p>In-process {@code user*} methods simulate a person editing their calendar in Google's UI: they change the
 * calendar exactly like API writes (etag, sequence, updated, sync tokens, push notifications) but are not metered
 * and never hit injected faults. They address calendars by global id ("primary" needs an account, so it is not
 * accepted here).
 */
public final class GoogleCalendarEmulator implements AutoCloseable {
    public static final String DEFAULT_TIME_ZONE = "UTC";

    static {
        // The JDK server writes headers and body separately; with Nagle on, each answer then waits for the
        // client's delayed ACK (about 40 ms on Linux loopback). Read once, when the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final EmulatorContext context = new EmulatorContext();
    private final CalendarRegistry registry = new CalendarRegistry(context);
    private final Faults faults = new Faults(context);
    private final CallCounters counters = new CallCounters();
    private final PushNotifications notifications = new PushNotifications(context);
    private final HttpServer server;
    private final ExecutorService executor;
    private final String rootUrl;
    private final HttpFrontEnd frontEnd;

    private GoogleCalendarEmulator(String host, int port) throws IOException {
        context.onChange(notifications::calendarChanged);
        server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "emulator-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        String urlHost = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        rootUrl = "http://" + urlHost + ":" + server.getAddress().getPort() + "/";
        CalendarApi api = new CalendarApi(registry, context, notifications, faults, counters, () -> rootUrl);
        frontEnd = new HttpFrontEnd(api, new ControlApi(this), faults, counters);
        server.createContext("/", frontEnd);
        server.start();
    }

    /** Starts on 127.0.0.1; port 0 picks a free port. */
    public static GoogleCalendarEmulator start(int port) { return start("127.0.0.1", port); }

    public static GoogleCalendarEmulator start(String host, int port) {
        try {
            return new GoogleCalendarEmulator(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the emulator on " + host + ":" + port, e);
        }
    }

    public int port() { return server.getAddress().getPort(); }

    /** The server behind {@link #rootUrl()}, so other emulator faces (Microsoft Graph) can share its port. */
    public HttpServer httpServer() { return server; }

    /**
     * The HTTP front end the server hands every request to, for an in-process client transport: requests given to
     * {@link HttpFrontEnd#dispatch} are answered, counted and faulted exactly as over the socket.
     */
    public HttpFrontEnd frontEnd() { return frontEnd; }

    /** What {@code Calendar.Builder#setRootUrl} takes, e.g. "http://127.0.0.1:8089/". */
    public String rootUrl() { return rootUrl; }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        notifications.close();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- setup ------------------------------------------------------------------------------------------------

    public GoogleCalendarEmulator addAccount(String accountId, String bearerToken) {
        registry.addAccount(accountId, bearerToken);
        return this;
    }

    /** Adds a calendar in UTC. Calendar ids are global; "primary" resolves to the account's primary calendar. */
    public GoogleCalendarEmulator addCalendar(String accountId, String calendarId, String summary, boolean primary) {
        return addCalendar(accountId, calendarId, summary, primary, DEFAULT_TIME_ZONE);
    }

    public GoogleCalendarEmulator addCalendar(String accountId, String calendarId, String summary, boolean primary, String timeZone) {
        registry.addCalendar(accountId, calendarId, summary, primary, timeZone);
        return this;
    }

    /** Loads a seed file; see {@link SeedLoader} for the format. */
    public void loadSeed(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            loadSeed(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void loadSeed(InputStream json) { new SeedLoader(this).load(json); }

    /** Loads the bundled two-user sample (alice and bob, work + personal each), with times relative to now. */
    public void loadDemoSeed() {
        try (InputStream in = GoogleCalendarEmulator.class.getResourceAsStream("/seeds/demo.json")) {
            if (in == null) throw new IllegalStateException("seeds/demo.json missing from the classpath");
            loadSeed(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> accountIds() {
        List<String> ids = new ArrayList<>();
        registry.accounts().forEach(a -> ids.add(a.id()));
        return ids;
    }

    public String tokenOf(String accountId) {
        CalendarRegistry.Account a = registry.account(accountId);
        return a == null ? null : a.token();
    }

    public List<String> calendarIdsOf(String accountId) {
        CalendarRegistry.Account a = registry.account(accountId);
        return a == null ? List.of() : List.copyOf(a.calendarIds());
    }

    // --- simulated user edits (not metered, no faults) --------------------------------------------------------

    public ObjectNode userInsert(String calendarId, ObjectNode event) { return calendar(calendarId).insert(event); }

    public ObjectNode userUpdate(String calendarId, String eventId, ObjectNode event) {
        return calendar(calendarId).update(eventId, event, null);
    }

    public ObjectNode userPatch(String calendarId, String eventId, ObjectNode patch) {
        return calendar(calendarId).patch(eventId, patch, null);
    }

    public void userDelete(String calendarId, String eventId) { calendar(calendarId).delete(eventId, null); }

    /** The event (cancelled ones too) or an unmodified instance of a series; null if there is none. */
    public ObjectNode userGet(String calendarId, String eventId) {
        try {
            return calendar(calendarId).get(eventId);
        } catch (EmulatorApiException e) {
            if (e.status() == 404) return null;
            throw e;
        }
    }

    /** Every stored event (series and exceptions, not expanded into instances). */
    public List<ObjectNode> userListAll(String calendarId, boolean includeCancelled) {
        return calendar(calendarId).all(includeCancelled);
    }

    /** The change sequence of an event's latest stored version (series, exception or plain), or -1 if never stored. */
    public long changeSequenceOf(String calendarId, String eventId) { return calendar(calendarId).changeSeqOf(eventId); }

    /**
     * The change sequence a sync token of this calendar stands for (changes up to it are what a client holding
     * it has seen), or -1 when the emulator would refuse the token (garbled, foreign, expired). For tests that
     * check a client never stores a token ahead of what it applied.
     */
    public long syncTokenSequence(String calendarId, String syncToken) {
        try {
            return new SyncTokens(context).parseSyncToken(syncToken, calendarId, false, Long.MAX_VALUE);
        } catch (EmulatorApiException e) {
            return -1;
        }
    }

    /** The change sequence of a calendar: grows by one per stored change. Handy for benchmarks. */
    public long changeCount(String calendarId) { return calendar(calendarId).currentSeq(); }

    // --- control ----------------------------------------------------------------------------------------------

    public Faults faults() { return faults; }

    public CallCounters counters() { return counters; }

    public PushNotifications notifications() { return notifications; }

    /** Time source for updated/created, channel expiry and the seed's "now". Default: system clock. */
    public void setClock(Clock clock) { context.setClock(clock); }

    public Clock clock() { return context.clock(); }

    /** For the control API and the seed loader. */
    public CalendarRegistry registry() { return registry; }

    private CalendarState calendar(String calendarId) { return registry.calendar(calendarId); }

}
