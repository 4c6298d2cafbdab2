package dev.calsync.emulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator alone: {@code --port N} (default 8089), {@code --host H} (default 127.0.0.1),
 * {@code --seed FILE} (default: the bundled demo seed), {@code --empty} (no seed). Prints the root URL and the
 * accounts' bearer tokens, then serves until killed.
 */
public final class EmulatorMain {
    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = 8089;
        String host = "127.0.0.1";
        Path seed = null;
        boolean empty = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--host" -> host = value(args, ++i, "--host");
                case "--seed" -> seed = Path.of(value(args, ++i, "--seed"));
                case "--empty" -> empty = true;
                case "--help", "-h" -> {
                    System.out.println("usage: emulator [--port 8089] [--host 127.0.0.1] [--seed FILE | --empty]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(host, port);
        if (seed != null) emulator.loadSeed(seed);
        else if (!empty) emulator.loadDemoSeed();
        System.out.println(describe(emulator));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    static String describe(GoogleCalendarEmulator emulator) {
        StringBuilder sb = new StringBuilder();
        sb.append("Google Calendar emulator listening at ").append(emulator.rootUrl()).append('\n');
        sb.append("control API: ").append(emulator.rootUrl()).append("emulator/ (counters, faults, notifications, accounts)\n");
        for (String account : emulator.accountIds()) {
            sb.append("  account ").append(account).append("  token ").append(emulator.tokenOf(account))
              .append("  calendars ").append(emulator.calendarIdsOf(account)).append('\n');
        }
        return sb.toString();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }
}
