package dev.calsync.emulator.store;

import dev.calsync.emulator.EmulatorApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Encodes sync and page tokens. Tokens are opaque to clients but carry the calendar, change sequence, the
 * singleEvents mode and the token epoch, sealed with a per-run checksum: anything garbled, foreign, from an
 * earlier run or from before "expire all tokens" is refused.
 */
public final class SyncTokens {
    private final EmulatorContext context;

    public SyncTokens(EmulatorContext context) { this.context = context; }

    public String syncToken(String calendarId, long seq, boolean singleEvents, long epoch) {
        return seal("S\n" + calendarId + "\n" + seq + "\n" + (singleEvents ? 1 : 0) + "\n" + epoch);
    }

    /** @return the change sequence the token stands for; 410 fullSyncRequired when it cannot be honoured */
    public long parseSyncToken(String token, String calendarId, boolean singleEvents, long currentSeq) {
        String[] f = unseal(token);
        if (f == null || f.length != 5 || !f[0].equals("S") || !f[1].equals(calendarId)) throw EmulatorApiException.fullSyncRequired();
        try {
            long seq = Long.parseLong(f[2]);
            boolean single = f[3].equals("1");
            long epoch = Long.parseLong(f[4]);
            // Other parameters must equal those of the initial full sync; we are strict about singleEvents.
            if (single != singleEvents || epoch != context.tokenEpoch() || seq > currentSeq || seq < 0) {
                throw EmulatorApiException.fullSyncRequired();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw EmulatorApiException.fullSyncRequired();
        }
    }

    public String pageToken(String calendarId, PageCursor c, long epoch) {
        return seal("P\n" + calendarId + "\n" + (c.incremental() ? 1 : 0) + "\n" + (c.singleEvents() ? 1 : 0) + "\n" + c.fromSeq()
                + "\n" + c.snapshotSeq() + "\n" + c.lastPrimary() + "\n" + c.lastId() + "\n" + epoch);
    }

    public record PageState(PageCursor cursor, long epoch) {}

    public PageState parsePageToken(String token, String calendarId) {
        String[] f = unseal(token);
        if (f == null || f.length != 9 || !f[0].equals("P") || !f[1].equals(calendarId)) throw invalidPageToken();
        try {
            PageCursor c = new PageCursor(f[2].equals("1"), f[3].equals("1"), Long.parseLong(f[4]), Long.parseLong(f[5]),
                    Long.parseLong(f[6]), f[7]);
            return new PageState(c, Long.parseLong(f[8]));
        } catch (NumberFormatException e) {
            throw invalidPageToken();
        }
    }

    private static EmulatorApiException invalidPageToken() { return EmulatorApiException.invalid("Invalid page token value."); }

    private String seal(String payload) {
        String body = payload + "\n" + checksum(payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8));
    }

    private String[] unseal(String token) {
        try {
            String body = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int cut = body.lastIndexOf('\n');
            if (cut < 0) return null;
            String payload = body.substring(0, cut);
            if (!body.substring(cut + 1).equals(checksum(payload))) return null;
            return payload.split("\n", -1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String checksum(String payload) {
        CRC32 crc = new CRC32();
        crc.update((context.tokenSalt() + "|" + payload).getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
