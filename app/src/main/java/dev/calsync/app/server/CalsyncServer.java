package dev.calsync.app.server;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Starts the web application for {@code serve} and {@code demo}, and waits for it to stop. */
public final class CalsyncServer {

    private final ConfigurableApplicationContext context;
    private final CountDownLatch closed;

    private CalsyncServer(ConfigurableApplicationContext context, CountDownLatch closed) {
        this.context = context;
        this.closed = closed;
    }

    /**
     * @param extraBeans singletons by name that the mode brings along (the demo's emulator)
     */
    public static CalsyncServer start(ServerSettings settings, Map<String, Object> extraBeans) {
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CalsyncWebApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .profiles(settings.mode().profile())
                .properties(properties(settings))
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("serverSettings", settings);
                    extraBeans.forEach(ctx.getBeanFactory()::registerSingleton);
                })
                .listeners(event -> {
                    if (event instanceof ContextClosedEvent) {
                        closed.countDown();
                    }
                })
                .run();
        return new CalsyncServer(context, closed);
    }

    private static Map<String, Object> properties(ServerSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", settings.port());
        if (settings.address() != null) {
            properties.put("server.address", settings.address());
        }
        return properties;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** The port actually listened on (0 in the settings picks a free one). */
    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    /** Blocks until the application is closed: Ctrl-C (Spring's shutdown hook), or {@link #stop}. */
    public void awaitStop() throws InterruptedException {
        closed.await();
    }

    public void stop() {
        context.close();
    }
}
