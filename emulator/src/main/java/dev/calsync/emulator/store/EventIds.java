package dev.calsync.emulator.store;

import dev.calsync.emulator.EmulatorApiException;

import java.security.SecureRandom;

/** Google's event id rules: base32hex characters (a-v, 0-9), 5 to 1024 of them. */
public final class EventIds {
    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {}

    public static void validateClientId(String id) {
        if (id.length() < 5 || id.length() > 1024) throw EmulatorApiException.invalid("Invalid resource id value.");
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'v') || (c >= '0' && c <= '9'))) throw EmulatorApiException.invalid("Invalid resource id value.");
        }
    }

    public static String generate() {
        char[] out = new char[26];
        for (int i = 0; i < out.length; i++) out[i] = BASE32HEX[RANDOM.nextInt(32)];
        return new String(out);
    }
}
