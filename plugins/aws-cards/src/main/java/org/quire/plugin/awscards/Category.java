package org.quire.plugin.awscards;

import java.util.Locale;

/** A group of services, as the AWS console groups them: {@code containers}, {@code database}, … */
public record Category(String id, String english, String chinese) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? chinese : english;
    }
}
