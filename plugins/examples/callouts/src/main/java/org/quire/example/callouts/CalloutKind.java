package org.quire.example.callouts;

import java.util.Locale;
import java.util.Optional;

/** The kinds of callout and the marker that starts each, such as {@code [!NOTE]}. */
enum CalloutKind {
    NOTE("Note"),
    TIP("Tip"),
    WARNING("Warning");

    private final String defaultLabel;

    CalloutKind(String defaultLabel) {
        this.defaultLabel = defaultLabel;
    }

    String marker() {
        return "[!" + name() + "]";
    }

    String defaultLabel() {
        return defaultLabel;
    }

    String labelSetting() {
        return "label-" + name().toLowerCase(Locale.ROOT);
    }

    String cssClass() {
        return "callout callout-" + name().toLowerCase(Locale.ROOT);
    }

    /** The kind a paragraph's first text names, such as {@code [!TIP]}, case-insensitively. */
    static Optional<CalloutKind> ofMarker(String text) {
        for (CalloutKind kind : values()) {
            if (text.regionMatches(true, 0, kind.marker(), 0, kind.marker().length())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
