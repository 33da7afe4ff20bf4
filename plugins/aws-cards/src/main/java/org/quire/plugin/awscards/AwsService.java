package org.quire.plugin.awscards;

import java.util.List;
import java.util.Locale;

/**
 * One service of the catalogue.
 *
 * @param id            Quire's stable id, used in {@code /aws/{id}/} and in {@code aws:} references
 * @param sdkKey        the service's key in the aws-sdk package's {@code apis/metadata.json}; null when the SDK does
 *                      not list it on its own
 * @param name          the official full name (the SDK's {@code serviceFullName} when {@code sdkKey} is set)
 * @param shortName     the name people write, such as {@code Amazon EKS}
 * @param aliases       former names and common spellings
 * @param category      the category's id
 * @param generallyAvailable the year it became generally available, or null when not known for certain
 * @param source        where the name comes from when {@code sdkKey} is null
 */
public record AwsService(String id, String sdkKey, String name, String shortName, List<String> aliases,
                         String category, String descriptionEnglish, String descriptionChinese, String docs,
                         Integer generallyAvailable, String source) {

    public AwsService {
        aliases = List.copyOf(aliases);
    }

    public String description(Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        String preferred = chinese ? descriptionChinese : descriptionEnglish;
        if (preferred != null && !preferred.isBlank()) {
            return preferred;
        }
        return chinese ? descriptionEnglish : descriptionChinese;
    }

    /**
     * A badge of up to four characters in place of a logo (AWS's service icons are trademarks): the capitals and
     * digits of the short name without its Amazon/AWS prefix when there are two to four of them ({@code EKS},
     * {@code S3}, {@code DDB}), otherwise its first two letters ({@code Fa} for Fargate).
     */
    public String monogram() {
        String bare = ServiceNames.withoutPrefix(shortName);
        StringBuilder capitals = new StringBuilder();
        bare.codePoints().filter(c -> Character.isUpperCase(c) || Character.isDigit(c))
                .forEach(capitals::appendCodePoint);
        if (capitals.length() >= 2 && capitals.length() <= 4) {
            return capitals.toString();
        }
        String letters = bare.replaceAll("[^\\p{L}\\p{N}]", "");
        if (letters.isEmpty()) {
            return id.substring(0, Math.min(2, id.length())).toUpperCase(Locale.ROOT);
        }
        int end = letters.offsetByCodePoints(0, Math.min(2, letters.codePointCount(0, letters.length())));
        String two = letters.substring(0, end);
        return two.substring(0, 1).toUpperCase(Locale.ROOT) + two.substring(1);
    }
}
