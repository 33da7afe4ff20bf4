package org.quire.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What a dynamic route reads of a request: parameters, and whether a media type was asked for by name. */
class DynamicRequestTest {

    private static DynamicRequest accepting(String accept) {
        return new DynamicRequest("/search/", Map.of("q", List.of("  云 ", "second"), "empty", List.of(" ")), accept,
                null, null, "192.0.2.1");
    }

    @Test
    void parametersAreTheFirstValueTrimmedAndBlankIsMissing() {
        DynamicRequest request = accepting("");
        assertThat(request.parameter("q")).contains("云");
        assertThat(request.parameter("empty")).isEmpty();
        assertThat(request.parameter("absent")).isEmpty();
        assertThat(request.signedIn()).isEqualTo(Optional.empty());
        assertThat(request.acceptLanguage()).isEmpty();
    }

    @Test
    void aMediaTypeIsAcceptedOnlyByNameAndNotWithQualityZero() {
        assertThat(accepting("application/activity+json").accepts("application/activity+json")).isTrue();
        assertThat(accepting("text/html, application/LD+JSON; profile=\"x\"; q=0.9").accepts("application/ld+json"))
                .isTrue();
        assertThat(accepting("text/html,*/*;q=0.8").accepts("application/activity+json")).as("a browser").isFalse();
        assertThat(accepting("application/json;q=0").accepts("application/json")).isFalse();
        assertThat(accepting("application/json;q=oops").accepts("application/json")).isFalse();
        assertThat(accepting("").accepts("application/json")).isFalse();
        assertThat(accepting("text/html, application/activity+json;q=0.1").quality("application/activity+json"))
                .isEqualTo(0.1);
        assertThat(accepting("text/html, application/activity+json;q=0.1").quality("text/html")).isEqualTo(1);
    }
}
