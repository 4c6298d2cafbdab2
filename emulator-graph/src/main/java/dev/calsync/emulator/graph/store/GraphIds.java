package dev.calsync.emulator.graph.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Graph-looking ids: long, opaque, URL-safe base64 with padding, starting "AAMkA" like Exchange item ids. An
 * occurrence id carries its series id and original start, so every occurrence has an id of its own without being
 * stored, and the same occurrence always gets the same id.
 */
public final class GraphIds {
    private static final byte[] HEADER = {0x00, 0x03, 0x24, 0x00};
    private static final byte EVENT = 'E';
    private static final byte OCCURRENCE = 'O';
    private static final byte CALENDAR = 'C';
    private static final int PAYLOAD = 105;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private GraphIds() {}

    /** What an event id stands for: a stored event, or an occurrence of one (originalStart non-null). */
    public record Parsed(String eventId, Instant originalStart) {
        public boolean isOccurrence() { return originalStart != null; }
    }

    public static String newEventId() {
        byte[] payload = new byte[PAYLOAD];
        RANDOM.nextBytes(payload);
        return encode(EVENT, payload);
    }

    /** Calendar ids derive from mailbox and name, so the demo's ids (and configs naming them) survive a restart. */
    public static String calendarId(String mailboxId, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest((mailboxId + "\n" + name).getBytes(StandardCharsets.UTF_8));
            return encode(CALENDAR, Arrays.copyOf(digest, 61));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String occurrenceId(String eventId, Instant originalStart) {
        byte[] event = decode(eventId);
        if (event == null || event[HEADER.length] != EVENT) throw new IllegalArgumentException("not an event id: " + eventId);
        byte[] body = Arrays.copyOfRange(event, HEADER.length + 1, event.length);
        ByteBuffer b = ByteBuffer.allocate(8 + body.length);
        b.putLong(originalStart.getEpochSecond()).put(body);
        return encode(OCCURRENCE, b.array());
    }

    /** @return null when the text is not an event or occurrence id of this emulator (Graph: 400 malformed) */
    public static Parsed parseEventId(String id) {
        byte[] raw = decode(id);
        if (raw == null) return null;
        byte kind = raw[HEADER.length];
        byte[] body = Arrays.copyOfRange(raw, HEADER.length + 1, raw.length);
        if (kind == EVENT && body.length == PAYLOAD) return new Parsed(id, null);
        if (kind == OCCURRENCE && body.length == PAYLOAD + 8) {
            ByteBuffer b = ByteBuffer.wrap(body);
            long seconds = b.getLong();
            return new Parsed(encode(EVENT, Arrays.copyOfRange(body, 8, body.length)), Instant.ofEpochSecond(seconds));
        }
        return null;
    }

    /** Exchange-style iCalUId: a fixed class id, the instance date (zeros for a series or single event), a global id. */
    public static String newICalUId() {
        byte[] global = new byte[16];
        RANDOM.nextBytes(global);
        return "040000008200E00074C5B7101A82E008" + "00000000" + "0000000000000000000000000000000010000000"
                + HexFormat.of().withUpperCase().formatHex(global);
    }

    /** The per-occurrence iCalUId Graph gives every occurrence of a series: the series' one with the date filled in. */
    public static String occurrenceICalUId(String seriesICalUId, java.time.LocalDate date) {
        if (seriesICalUId.length() < 40) return seriesICalUId + "-" + date;
        String stamp = String.format("%04X%02X%02X", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        return seriesICalUId.substring(0, 32) + stamp + seriesICalUId.substring(40);
    }

    private static String encode(byte kind, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER.length + 1 + payload.length);
        b.put(HEADER).put(kind).put(payload);
        return ENCODER.encodeToString(b.array());
    }

    private static byte[] decode(String id) {
        if (id == null || id.length() < 8) return null;
        try {
            byte[] raw = DECODER.decode(id);
            if (raw.length <= HEADER.length || !Arrays.equals(Arrays.copyOf(raw, HEADER.length), HEADER)) return null;
            return raw;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
