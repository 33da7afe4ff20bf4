package org.quire.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionRangeTest {

    @ParameterizedTest(name = "{0} includes {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "[1.0,2.0) | 1.0 | true",
            "[1.0,2.0) | 1.9 | true",
            "[1.0,2.0) | 2.0 | false",
            "[1.0,2.0] | 2.0 | true",
            "(1.0,2.0) | 1.0 | false",
            "[1.1,]    | 7.3 | true",
            "[1.1,)    | 1.0 | false",
            "[,1.5]    | 0.1 | true",
            "1.2       | 1.2 | true",
            "1.2       | 1.9 | true",
            "1.2       | 1.1 | false",
            "1.2       | 2.0 | false",
            "2         | 2.0 | true",
    })
    void includes(String range, String version, boolean expected) {
        assertThat(ApiVersionRange.parse(range).includes(ApiVersion.parse(version))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "[1.0", "1.x", "[1.0,2.0,3.0)", "[2.0,1.0)", "{1.0,2.0}"})
    void refusesMalformedRangesNamingThem(String text) {
        assertThatThrownBy(() -> ApiVersionRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }
}
