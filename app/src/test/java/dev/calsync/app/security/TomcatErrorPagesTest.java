package dev.calsync.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.app.fixtures.RawHttp;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Pages Tomcat writes itself, and the error page asked for directly, over real HTTP. */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.dev.calsync=WARN")
@ActiveProfiles("serve")
class TomcatErrorPagesTest {

    @LocalServerPort
    int port;

    @Test
    void aRequestTomcatRefusesCarriesTheSecurityHeaders() throws IOException {
        String answer = raw("GET /groups/a|b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        WebSecurity.HEADERS.forEach((name, value) -> assertThat(answer).containsIgnoringCase(name + ": " + value));
    }

    @Test
    void errorAskedForDirectlyIsNotFoundNotAServerError() {
        HttpResponse<String> answer = new RawHttp(port).get("/error", "Accept", "application/json");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue(WebSecurity.CONTENT_SECURITY_POLICY);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
