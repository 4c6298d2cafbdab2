package dev.calsync.app.push;

import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.core.push.Notification;
import dev.calsync.push.NotificationIntake;
import dev.calsync.push.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{provider}}: each provider's push notifications, handed to that provider's
 * {@link NotificationIntake}. Answers at once (the sync it may cause runs later, on the scheduler), with the status
 * only: 202 for ours, 401/403/404 without detail for anything else, 404 for a provider without push (or with push
 * off); a handshake gets 200 and its reply as plain text.
 */
@RestController
public class WebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);
    private static final String PATH = "webhooks/";

    private final Map<String, NotificationIntake> intakes;
    private final CalsyncMetrics metrics;

    public WebhookController(List<NotificationIntake> intakes, CalsyncMetrics metrics) {
        this.intakes = intakes.stream().collect(Collectors.toMap(NotificationIntake::provider, Function.identity()));
        this.metrics = metrics;
    }

    /** Where {@code provider}'s channels are told to post: {@code push.publicUrl} + {@code webhooks/{provider}}. */
    public static String address(String publicUrl, String provider) {
        return (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + PATH + provider;
    }

    @PostMapping("/" + PATH + "{provider}")
    public ResponseEntity<String> notify(@PathVariable("provider") String provider,
                                         @RequestHeader HttpHeaders headers,
                                         @RequestParam Map<String, String> parameters,
                                         @RequestBody(required = false) String body) {
        NotificationIntake intake = intakes.get(provider);
        if (intake == null) {
            metrics.notificationRejected("push_off");
            return ResponseEntity.status(404).build();
        }
        Map<String, String> first = new HashMap<>();
        headers.forEach((name, values) -> first.put(name, values.isEmpty() ? null : values.get(0)));
        NotificationIntake.Receipt receipt = intake.receive(new Notification(first, parameters, body));
        if (receipt.reply() != null) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(receipt.reply());
        }
        return ResponseEntity.status(status(receipt.verdict())).build();
    }

    static int status(Verdict verdict) {
        if (verdict.accepted()) {
            return 202;
        }
        return switch (verdict) {
            case MISSING_FIELDS -> 401;
            case UNKNOWN_CHANNEL -> 404;
            default -> 403;
        };
    }

    /** Counts every verdict: received when accepted, rejected (with its reason) when not. */
    static NotificationIntake.Listener counting(CalsyncMetrics metrics) {
        return (verdict, calendar) -> {
            if (verdict.accepted()) {
                metrics.notificationReceived(verdict.label());
            } else {
                metrics.notificationRejected(verdict.label());
                LOG.atDebug().addKeyValue("reason", verdict.label()).log("push notification rejected: {}",
                        verdict.label());
            }
        };
    }
}
