package dev.calsync.app.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The connect flows {@code serve} offers, by provider (Google always; Microsoft once its app is registered). */
public final class ConnectFlows {
    private final Map<String, ConnectFlow> byProvider = new LinkedHashMap<>();

    public ConnectFlows(List<ConnectFlow> flows) {
        flows.forEach(flow -> byProvider.put(flow.provider(), flow));
    }

    public Optional<ConnectFlow> of(String provider) {
        return Optional.ofNullable(byProvider.get(provider));
    }

    /** Where each provider's tokens are renewed. */
    public Map<String, TokenEndpoint> tokenEndpoints() {
        Map<String, TokenEndpoint> endpoints = new LinkedHashMap<>();
        byProvider.forEach((provider, flow) -> endpoints.put(provider, flow.tokenEndpoint()));
        return endpoints;
    }
}
