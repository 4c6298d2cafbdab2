package dev.calsync.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.cli.CalsyncCli;
import dev.calsync.app.cli.CliContext;
import dev.calsync.app.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} refuses to start, with a clear message and exit 2, when it could not keep tokens safe or sign in. */
class ServeCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String err) {
    }

    private Run serve(Map<String, String> env) {
        StringWriter err = new StringWriter();
        int code = CalsyncCli.run(new CliContext(env, dir), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), "serve", "--port", "0");
        return new Run(code, err.toString());
    }

    @Test
    void withoutAnEncryptionKeyServeRefusesToStart() {
        Run run = serve(Map.of("CALSYNC_OAUTH_CLIENT_ID", "client"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("set CALSYNC_ENCRYPTION_KEY").contains("openssl rand -base64 32");
    }

    @Test
    void aMalformedKeyIsReportedWithoutEchoingIt() {
        Run run = serve(Map.of(EncryptionKey.VARIABLE, "c2hvcnQ=", "CALSYNC_OAUTH_CLIENT_ID", "client"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("32 bytes").doesNotContain("c2hvcnQ=");
    }

    @Test
    void withoutAnOAuthClientServeRefusesToStart() {
        Run run = serve(Map.of(EncryptionKey.VARIABLE, Base64.getEncoder().encodeToString(new byte[32])));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("oauth.clientId is not set").contains("calsync demo");
    }

    @Test
    void theClientSecretIsASecretInConfigProblems() {
        Run run = serve(Map.of("CALSYNC_OAUTH_ISSUER_URI", "not a url", "CALSYNC_OAUTH_CLIENT_SECRET", "s3cr3t"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("oauth.issuerUri (from CALSYNC_OAUTH_ISSUER_URI): not a http(s) URL")
                .doesNotContain("s3cr3t");
    }
}
