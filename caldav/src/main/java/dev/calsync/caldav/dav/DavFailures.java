package dev.calsync.caldav.dav;

import dev.calsync.core.provider.ProviderException;
import java.util.function.Supplier;

/** One place that turns an answer no caller expected into the {@link ProviderException} kind the engine acts on. */
public final class DavFailures {
    private DavFailures() {
    }

    public static ProviderException unexpected(DavRequest request, DavResponse response) {
        int status = response.status();
        ProviderException.Kind kind;
        if (status == 403 || status == 404 || status == 410) {
            kind = ProviderException.Kind.NOT_FOUND;
        } else if (status / 100 == 4) {
            kind = ProviderException.Kind.REJECTED;
        } else if (status / 100 == 5) {
            kind = ProviderException.Kind.TRANSIENT;
        } else {
            kind = ProviderException.Kind.MALFORMED_RESPONSE;
        }
        return new ProviderException(kind, status, "http", DavClient.describe(request) + ": unexpected " + status);
    }

    public static ProviderException malformed(DavRequest request, DavProtocolException e) {
        return new ProviderException(ProviderException.Kind.MALFORMED_RESPONSE, 0, "malformed",
                DavClient.describe(request) + ": " + e.getMessage(), e);
    }

    /** Reads a multistatus, or throws a MALFORMED_RESPONSE naming the request. */
    public static Multistatus multistatus(DavRequest request, DavResponse response) {
        return readable(request, response::multistatus);
    }

    public static <T> T readable(DavRequest request, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (DavProtocolException e) {
            throw malformed(request, e);
        }
    }
}
