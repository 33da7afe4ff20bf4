package org.quire.core.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A post split into its front matter and body.
 *
 * @param values        the front matter as YAML values (strings, numbers, booleans, lists, maps; timestamps stay
 *                      strings so dates can be read the way Jekyll reads them), in file order
 * @param body          the Markdown after the closing {@code ---}
 * @param bodyFirstLine the 1-based line of the file on which the body starts, to map body lines back to the file
 * @param present       whether the file had a front-matter block at all
 * @param dateInUtc     whether {@code date} is an unquoted YAML timestamp with a time and no zone
 *                      ({@code date: 2017-07-07 09:30:00}), which Jekyll's YAML reader takes as UTC, where any other
 *                      form without a zone is in the site's time zone
 */
public record FrontMatter(Map<String, Object> values, String body, int bodyFirstLine, boolean present,
                          boolean dateInUtc) {

    public FrontMatter {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public FrontMatter(Map<String, Object> values, String body, int bodyFirstLine, boolean present) {
        this(values, body, bodyFirstLine, present, false);
    }
}
