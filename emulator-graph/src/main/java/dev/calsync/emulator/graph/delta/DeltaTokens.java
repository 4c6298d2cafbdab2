package dev.calsync.emulator.graph.delta;

import dev.calsync.emulator.graph.GraphError;
import dev.calsync.emulator.graph.store.GraphContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opaque {@code $skiptoken}/{@code $deltatoken} values: the round's state sealed with a per-run key, so a garbled,
 * foreign or earlier-run token is refused (410 syncStateNotFound) instead of being misread.
 */
public final class DeltaTokens {
    private static final int MAC_BYTES = 12;

    private final GraphContext context;

    public DeltaTokens(GraphContext context) { this.context = context; }

    public String encode(DeltaState s) {
        byte[] cal = s.calendarId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + cal.length + 8 * 5 + 4);
        b.put((byte) (s.skip() ? 'S' : 'D')).putInt(cal.length).put(cal)
                .putLong(s.windowStart().getEpochSecond()).putLong(s.windowEnd().getEpochSecond())
                .putLong(s.fromSeq()).putLong(s.toSeq()).putLong(s.epoch()).putInt(s.offset());
        byte[] payload = b.array();
        byte[] sealed = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(payload), 0, sealed, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /**
     * @param expectSkip true for a {@code $skiptoken}, false for a {@code $deltatoken}
     * @throws GraphError 410 syncStateNotFound for anything but a live token of this calendar (with a Location header
     *                    naming the round's initial request when the token is only expired)
     */
    public DeltaState decode(String token, boolean expectSkip, String calendarId, String initialRequestUrlPrefix) {
        DeltaState s = read(token);
        if (s == null || s.skip() != expectSkip || !s.calendarId().equals(calendarId)) throw GraphError.syncStateNotFound();
        if (s.epoch() != context.tokenEpoch()) {
            throw GraphError.syncStateNotFound().withHeader("Location", initialRequestUrlPrefix
                    + "?startDateTime=" + s.windowStart() + "&endDateTime=" + s.windowEnd());
        }
        return s;
    }

    private DeltaState read(String token) {
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(token);
            if (sealed.length <= MAC_BYTES) return null;
            byte[] payload = Arrays.copyOf(sealed, sealed.length - MAC_BYTES);
            byte[] mac = Arrays.copyOfRange(sealed, payload.length, sealed.length);
            if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(payload), MAC_BYTES))) return null;
            ByteBuffer b = ByteBuffer.wrap(payload);
            boolean skip = b.get() == 'S';
            byte[] cal = new byte[b.getInt()];
            b.get(cal);
            Instant start = Instant.ofEpochSecond(b.getLong());
            Instant end = Instant.ofEpochSecond(b.getLong());
            long from = b.getLong();
            long to = b.getLong();
            long epoch = b.getLong();
            int offset = b.getInt();
            return new DeltaState(skip, new String(cal, StandardCharsets.UTF_8), start, end, from, to, offset, epoch);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            return null;
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ByteBuffer.allocate(8).putLong(context.tokenSalt()).array(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
