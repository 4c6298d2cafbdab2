package dev.calsync.app.push;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/google}: Google's push notifications (no body). Answers at once, with the status only:
 * 200 for ours, 401/403/404 without detail for anything else.
 */
@RestController
public class WebhookController {

    private final PushNotifications notifications;

    public WebhookController(PushNotifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/" + PushProperties.WEBHOOK_PATH)
    public ResponseEntity<Void> notify(
            @RequestHeader(value = "X-Goog-Channel-ID", required = false) String channelId,
            @RequestHeader(value = "X-Goog-Channel-Token", required = false) String token,
            @RequestHeader(value = "X-Goog-Resource-ID", required = false) String resourceId,
            @RequestHeader(value = "X-Goog-Resource-State", required = false) String state) {
        return ResponseEntity.status(notifications.receive(channelId, token, resourceId, state).status()).build();
    }
}
