package dev.calsync.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void noneAreTrustedByDefault() {
        TrustedProxies none = TrustedProxies.parse("");
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.contains("127.0.0.1")).isFalse();
        assertThat(none.contains("10.0.0.1")).isFalse();
    }

    @Test
    void addressesAndRangesOfBothFamiliesMatch() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7 ,2001:db8::/32");
        assertThat(proxies.contains("10.200.3.4")).isTrue();
        assertThat(proxies.contains("11.0.0.1")).isFalse();
        assertThat(proxies.contains("192.0.2.7")).isTrue();
        assertThat(proxies.contains("192.0.2.8")).isFalse();
        assertThat(proxies.contains("2001:db8:1::5")).isTrue();
        assertThat(proxies.contains("2001:db9::5")).isFalse();
        assertThat(proxies.contains("proxy.example")).as("names are never looked up").isFalse();
        assertThat(proxies.contains("999.0.0.1")).isFalse();
    }

    @Test
    void aRangeNeedNotEndOnAByte() {
        TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12");
        assertThat(proxies.contains("172.31.255.255")).isTrue();
        assertThat(proxies.contains("172.32.0.0")).isFalse();
    }

    @Test
    void aWrongEntryIsNamed() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.1, proxy.example"))
                .hasMessageContaining("'proxy.example'");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33'");
    }

    @Test
    void theClientIsTheFirstUntrustedHopFromTheRight() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");
        assertThat(proxies.clientOf("10.0.0.1", List.of("6.6.6.6, 198.51.100.4, 10.0.0.2"))).isEqualTo("198.51.100.4");
        assertThat(proxies.clientOf("10.0.0.1", List.of("6.6.6.6", "198.51.100.4"))).isEqualTo("198.51.100.4");
        assertThat(proxies.clientOf("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
        assertThat(proxies.clientOf("10.0.0.1", List.of("198.51.100.4, unknown"))).isEqualTo("10.0.0.1");
        assertThat(proxies.clientOf("10.0.0.1", List.of("10.0.0.3, 10.0.0.2"))).isEqualTo("10.0.0.3");
    }
}
