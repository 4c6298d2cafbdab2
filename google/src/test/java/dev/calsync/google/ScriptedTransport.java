package dev.calsync.google;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An HTTP transport that answers from a script, for answers no well-behaved server gives (HTML with 200,
 * pages without tokens, repeating page tokens). Records each request's method and URL.
 */
final class ScriptedTransport extends MockHttpTransport {

    record Sent(String method, String url, String authorization) {
    }

    private final Deque<Object> script = new ArrayDeque<>();
    final List<Sent> sent = new ArrayList<>();

    ScriptedTransport json(int status, String body) {
        script.add(new MockLowLevelHttpResponse().setStatusCode(status)
                .setContentType("application/json; charset=UTF-8").setContent(body));
        return this;
    }

    ScriptedTransport html(int status, String body) {
        script.add(new MockLowLevelHttpResponse().setStatusCode(status)
                .setContentType("text/html; charset=UTF-8").setContent(body));
        return this;
    }

    ScriptedTransport error(int status, String reason) {
        return json(status, "{\"error\":{\"code\":" + status + ",\"message\":\"x\",\"errors\":[{\"domain\":\"d\","
                + "\"reason\":\"" + reason + "\",\"message\":\"x\"}]}}");
    }

    ScriptedTransport errorWithRetryAfter(int status, String retryAfter) {
        script.add(new MockLowLevelHttpResponse().setStatusCode(status)
                .setContentType("application/json").addHeader("Retry-After", retryAfter)
                .setContent("{\"error\":{\"code\":" + status + ",\"message\":\"slow down\"}}"));
        return this;
    }

    ScriptedTransport ioFailure(String message) {
        script.add(new IOException(message));
        return this;
    }

    int remaining() {
        return script.size();
    }

    @Override
    public LowLevelHttpRequest buildRequest(String method, String url) {
        return new MockLowLevelHttpRequest(url) {
            @Override
            public LowLevelHttpResponse execute() throws IOException {
                synchronized (ScriptedTransport.this) {
                    sent.add(new Sent(method, url, getFirstHeaderValue("Authorization")));
                    Object next = script.poll();
                    if (next == null) {
                        throw new AssertionError("unscripted request " + method + " " + url);
                    }
                    if (next instanceof IOException e) {
                        throw e;
                    }
                    return (LowLevelHttpResponse) next;
                }
            }
        };
    }
}
