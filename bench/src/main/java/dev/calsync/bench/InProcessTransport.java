package dev.calsync.bench;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import dev.calsync.emulator.http.ApiResponse;
import dev.calsync.emulator.http.HttpFrontEnd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The official client's HTTP transport without sockets: each request the client builds (method, URL, headers, body
 * bytes as the client serialised them) is handed to the emulator's own HTTP front end, and its answer (status,
 * content type, body bytes) is parsed by the client as if it had come over the wire. The front end counts calls and
 * injects faults exactly as for the JDK server; an answer the emulator drops is a connection closed without one.
 */
final class InProcessTransport extends HttpTransport {
    private final HttpFrontEnd frontEnd;
    private final CallCpu cpu;

    /** @param cpu counts the emulator's share of each call (its front end answering on the caller's thread) */
    InProcessTransport(HttpFrontEnd frontEnd, CallCpu cpu) {
        this.frontEnd = frontEnd;
        this.cpu = cpu;
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) {
        return new Request(method, url);
    }

    private final class Request extends LowLevelHttpRequest {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers = new HashMap<>();

        Request(String method, String url) {
            this.method = method;
            this.uri = URI.create(url);
        }

        @Override
        public void addHeader(String name, String value) {
            // As the JDK server reads them: names in lower case, the first value of a repeated header.
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }

        @Override
        public LowLevelHttpResponse execute() throws IOException {
            byte[] body = new byte[0];
            if (getStreamingContent() != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(512);
                getStreamingContent().writeTo(out);
                body = out.toByteArray();
                if (getContentType() != null) headers.put("content-type", getContentType());
                if (getContentEncoding() != null) headers.put("content-encoding", getContentEncoding());
            }
            long started = CallCpu.now();
            ApiResponse answer;
            try {
                answer = frontEnd.dispatch(method, uri.getRawPath(), uri.getRawQuery(), headers, body);
            } finally {
                cpu.emulatorNanos.add(CallCpu.now() - started);
            }
            if (answer.dropConnection()) {
                throw new SocketException("Unexpected end of file from server");
            }
            return new Response(answer);
        }
    }

    private static final class Response extends LowLevelHttpResponse {
        private final ApiResponse answer;

        Response(ApiResponse answer) {
            this.answer = answer;
        }

        @Override
        public InputStream getContent() {
            return answer.body().length == 0 ? null : new ByteArrayInputStream(answer.body());
        }

        @Override
        public String getContentEncoding() {
            return null;
        }

        @Override
        public long getContentLength() {
            return answer.body().length;
        }

        @Override
        public String getContentType() {
            return answer.contentType();
        }

        @Override
        public String getStatusLine() {
            return "HTTP/1.1 " + answer.status() + " " + getReasonPhrase();
        }

        @Override
        public int getStatusCode() {
            return answer.status();
        }

        @Override
        public String getReasonPhrase() {
            return ApiResponse.reasonPhrase(answer.status());
        }

        @Override
        public int getHeaderCount() {
            return answer.contentType() == null ? 0 : 1;
        }

        @Override
        public String getHeaderName(int index) {
            return "Content-Type";
        }

        @Override
        public String getHeaderValue(int index) {
            return answer.contentType();
        }
    }
}
