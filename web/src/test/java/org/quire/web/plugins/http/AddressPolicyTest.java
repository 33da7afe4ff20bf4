package org.quire.web.plugins.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses and host forms a plugin's call may go to. */
class AddressPolicyTest {

    private final AddressPolicy none = new AddressPolicy(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "::1", "0.0.0.0", "::", "10.1.2.3", "172.16.0.1",
            "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "fd00::1", "fe80::1", "224.0.0.1",
            "255.255.255.255", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe",
            "::ffff:169.254.169.254"})
    void specialAddressesAreRefused(String literal) throws Exception {
        assertThat(none.refused(InetAddress.getByName(literal))).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "172.32.0.1", "192.169.0.1", "2606:4700:4700::1111",
            "::ffff:93.184.216.34"})
    void publicAddressesPass(String literal) throws Exception {
        assertThat(none.refused(InetAddress.getByName(literal))).as(literal).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "127.1", "127.0.1", "017700000001",
            "127.0.0.01", "1.2.3.4."})
    void numbersWrittenOtherThanAsFourDecimalPartsAreRefusedBeforeResolving(String host) {
        assertThat(AddressPolicy.refusedForm(host)).as(host).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "127.0.0.1", "93.184.216.34", "cafe.bad", "[::1]", "1password.com",
            "0x.example"})
    void namesAndDottedQuadsGoOnToTheAddressCheck(String host) {
        assertThat(AddressPolicy.refusedForm(host)).as(host).isEmpty();
    }

    @Test
    void aConfiguredRangeIsAllowedAndNothingBeyondIt() throws Exception {
        AddressPolicy tests = new AddressPolicy(List.of("127.0.0.1/32", "fd12:3456::/32"));
        assertThat(tests.refused(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(tests.refused(InetAddress.getByName("127.0.0.2"))).isPresent();
        assertThat(tests.refused(InetAddress.getByName("fd12:3456::9"))).isEmpty();
        assertThat(tests.refused(InetAddress.getByName("::1"))).get().asString().contains("::1");
    }

    @Test
    void hostPatternsMatchANameOrTheNamesUnderOne() {
        assertThat(HostPatterns.matches("hooks.example.org", "HOOKS.example.org")).isTrue();
        assertThat(HostPatterns.matches("*.example.org", "a.b.example.org")).isTrue();
        assertThat(HostPatterns.matches("*.example.org", "example.org")).isFalse();
        assertThat(HostPatterns.matches("*.example.org", "evil-example.org")).isFalse();
        assertThat(HostPatterns.matches("*", "anything.example")).isTrue();
        assertThat(HostPatterns.matches("example.org", "example.org.evil.com")).isFalse();
    }
}
