package org.quire.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The algorithm against the RFCs' own test vectors, and the matching rules sign-in relies on. */
class TimeBasedCodesTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "RFC 6238, SHA-1, T = {0} s")
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void theRfc6238VectorsForSha1(long seconds, String code) {
        assertThat(TimeBasedCodes.code(RFC_SECRET, TimeBasedCodes.stepAt(Instant.ofEpochSecond(seconds)), 8))
                .isEqualTo(code);
    }

    @ParameterizedTest(name = "RFC 4226, count {0}")
    @CsvSource({"0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314", "5, 254676", "6, 287922",
            "7, 162583", "8, 399871", "9, 520489"})
    void theRfc4226VectorsForSixDigits(long count, String code) {
        assertThat(TimeBasedCodes.code(RFC_SECRET, count, 6)).isEqualTo(code);
    }

    @Test
    void secretsAreBase32AsAppsExpectAndReadBack() {
        assertThat(TimeBasedCodes.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(TimeBasedCodes.fromBase32("gezdgnbv gy3tqojq GEZDGNBVGY3TQOJQ")).isEqualTo(RFC_SECRET);
        String secret = TimeBasedCodes.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(TimeBasedCodes.fromBase32(secret)).hasSize(20);
    }

    @Test
    void aCodeMatchesItsStepAndOneEitherSideOnly() {
        String secret = TimeBasedCodes.base32(RFC_SECRET);
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = TimeBasedCodes.stepAt(now);
        for (long offset = -1; offset <= 1; offset++) {
            String code = TimeBasedCodes.code(RFC_SECRET, step + offset, 6);
            assertThat(TimeBasedCodes.matchingStep(secret, code, now)).isEqualTo(step + offset);
            assertThat(TimeBasedCodes.matchingStep(secret, code.substring(0, 3) + " " + code.substring(3), now))
                    .as("digits grouped as apps show them").isEqualTo(step + offset);
        }
        assertThat(TimeBasedCodes.matchingStep(secret, TimeBasedCodes.code(RFC_SECRET, step + 2, 6), now))
                .isEqualTo(-1);
        assertThat(TimeBasedCodes.matchingStep(secret, TimeBasedCodes.code(RFC_SECRET, step - 2, 6), now))
                .isEqualTo(-1);
        assertThat(TimeBasedCodes.matchingStep(secret, "12345", now)).isEqualTo(-1);
        assertThat(TimeBasedCodes.matchingStep(secret, "abcdef", now)).isEqualTo(-1);
        assertThat(TimeBasedCodes.matchingStep(secret, null, now)).isEqualTo(-1);
    }

    @Test
    void theKeyAddressNamesTheSiteAndTheAccount() {
        assertThat(TimeBasedCodes.keyUri("My Blog", "ann", "ABC")).isEqualTo("otpauth://totp/My%20Blog:ann?secret=ABC"
                + "&issuer=My%20Blog&algorithm=SHA1&digits=6&period=30");
    }
}
