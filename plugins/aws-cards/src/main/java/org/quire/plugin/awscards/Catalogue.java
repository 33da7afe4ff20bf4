package org.quire.plugin.awscards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The AWS services Quire knows: the shipped {@code aws-cards/catalogue.yaml} plus an administrator's overrides.
 * Finds a service by id or by any of its names, and recognises a section heading that names one. Immutable and
 * thread-safe.
 */
public final class Catalogue {

    static final String RESOURCE = "aws-cards/catalogue.yaml";
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s:：\\-–—|·,，]+");

    /** A heading that names a service; {@code feature} is what follows the name, such as {@code Global Tables}. */
    public record HeadingMatch(AwsService service, String feature) {
    }

    private record NameKey(String key, AwsService service) {
    }

    private final List<Category> categories;
    private final Map<String, Category> categoriesById = new LinkedHashMap<>();
    private final Map<String, AwsService> services = new LinkedHashMap<>();
    /** Every name and alias in matching form ({@link ServiceNames#key}), and whose it is. */
    private final Map<String, AwsService> servicesByName = new LinkedHashMap<>();
    /**
     * The same names by their first word, longest first (so {@code S3 Glacier} wins over {@code S3}): a heading is
     * compared only with the names it could be.
     */
    private final Map<String, List<NameKey>> keysByFirstWord = new java.util.HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private Catalogue(List<Category> categories, Collection<CatalogueReader.Entry> entries,
                      Map<String, AwsService> base, List<String> readProblems, String sourceName) {
        this.categories = List.copyOf(categories);
        categories.forEach(c -> categoriesById.put(c.id(), c));
        problems.addAll(readProblems);
        services.putAll(base);
        for (CatalogueReader.Entry entry : entries) {
            AwsService service = build(entry, base.get(entry.id()), sourceName);
            if (service != null) {
                services.put(service.id(), service);
            }
        }
        indexNames();
    }

    /** The shipped catalogue. */
    public static Catalogue builtIn() {
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The plugin jar lacks " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "catalogue.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Catalogue parse(String yaml, String sourceName) {
        CatalogueReader.Result read = CatalogueReader.read(yaml, sourceName);
        return new Catalogue(read.categories(), read.services(), Map.of(), read.problems(), sourceName);
    }

    /**
     * This catalogue with an administrator's additions and changes: an entry with a known id changes only the fields
     * it gives; a new id needs {@code name}, {@code short}, {@code category} and a description. Entries with problems
     * are left out and the problems listed in {@link #problems()}; the rest apply.
     */
    public Catalogue withOverrides(String yaml, String sourceName) {
        CatalogueReader.Result read = CatalogueReader.read(yaml, sourceName);
        List<Category> merged = new ArrayList<>(categories);
        for (Category added : read.categories()) {
            merged.removeIf(c -> c.id().equals(added.id()));
            merged.add(added);
        }
        return new Catalogue(merged, read.services(), services, read.problems(), sourceName);
    }

    /** What was wrong with the catalogue text, each naming the line and field; empty when all is well. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<Category> categories() {
        return categories;
    }

    public Optional<Category> category(String id) {
        return Optional.ofNullable(categoriesById.get(id));
    }

    public Collection<AwsService> services() {
        return services.values();
    }

    /** By id ({@code eks}) or by any name or alias ({@code Amazon EKS}, {@code sagemaker}). */
    public Optional<AwsService> find(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        AwsService byId = services.get(idOrName.strip());
        if (byId != null) {
            return Optional.of(byId);
        }
        String key = ServiceNames.key(idOrName);
        return Optional.ofNullable(servicesByName.get(key));
    }

    /**
     * The service a section heading names, if it starts with one: {@code Amazon EKS}, {@code DynamoDB Global Tables}
     * (feature {@code Global Tables}), {@code AWS S3 As Data Lake}. A heading without an Amazon/AWS prefix whose name
     * is followed by a lower-case word ({@code Connect to the database}, {@code Batch processing}) is prose, not a
     * service.
     */
    public Optional<HeadingMatch> matchHeading(String heading) {
        boolean prefixed = ServiceNames.hasPrefix(heading);
        String bare = ServiceNames.withoutPrefix(heading);
        List<NameKey> candidates = keysByFirstWord.get(firstWord(bare).toLowerCase(java.util.Locale.ROOT));
        if (candidates == null) {
            return Optional.empty();
        }
        for (NameKey name : candidates) {
            int length = name.key().length();
            if (bare.length() < length || !bare.regionMatches(true, 0, name.key(), 0, length)
                    || !boundaryAt(bare, length)) {
                continue;
            }
            String rest = LEADING_SEPARATORS.matcher(bare.substring(length)).replaceFirst("").strip();
            if (!prefixed && !rest.isEmpty() && isLowerCaseLatin(rest.charAt(0))) {
                return Optional.empty();
            }
            if (rest.startsWith("(") && rest.endsWith(")")
                    && find(rest.substring(1, rest.length() - 1)).filter(name.service()::equals).isPresent()) {
                rest = "";
            }
            return Optional.of(new HeadingMatch(name.service(), rest));
        }
        return Optional.empty();
    }

    /** The known ids closest to an unknown one (up to three), for "did you mean" in a notice. */
    public List<String> suggestionsFor(String unknown) {
        String wanted = unknown == null ? "" : ServiceNames.key(unknown);
        int limit = Math.max(2, wanted.length() / 3);
        List<Map.Entry<String, Integer>> near = services.values().stream()
                .map(s -> Map.entry(s.id(), Math.min(distance(wanted, s.id()), distance(wanted,
                        ServiceNames.key(s.shortName())))))
                .filter(e -> e.getValue() <= limit)
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        // Only the closest: "ekss" suggests eks, not also ebs and ecs.
        int best = near.isEmpty() ? 0 : near.get(0).getValue();
        return near.stream().filter(e -> e.getValue() == best).limit(3).map(Map.Entry::getKey).toList();
    }

    /** Up to the first space, punctuation or Chinese character: {@code "EKS：托管"} → {@code "EKS"}. */
    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && !boundaryAt(text, end)) {
            end += Character.charCount(text.codePointAt(end));
        }
        return text.substring(0, end);
    }

    private static boolean boundaryAt(String text, int index) {
        if (index >= text.length()) {
            return true;
        }
        int c = text.codePointAt(index);
        return !Character.isLetterOrDigit(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isLowerCaseLatin(char c) {
        return c >= 'a' && c <= 'z';
    }

    private AwsService build(CatalogueReader.Entry entry, AwsService existing, String sourceName) {
        Map<String, Object> f = entry.fields();
        String at = sourceName + " line " + entry.line() + ": service '" + entry.id() + "': ";
        String name = text(f, "name", existing == null ? null : existing.name());
        String shortName = text(f, "short", existing == null ? null : existing.shortName());
        String category = text(f, "category", existing == null ? null : existing.category());
        @SuppressWarnings("unchecked")
        Map<String, String> description = (Map<String, String>) f.get("description");
        String english = description != null ? description.get("en") : existing == null ? null : existing.descriptionEnglish();
        String chinese = description != null ? description.get("zh") : existing == null ? null : existing.descriptionChinese();
        String docs = text(f, "docs", existing == null ? null : existing.docs());
        String sdk = text(f, "sdk", existing == null ? null : existing.sdkKey());
        String source = text(f, "source", existing == null ? null : existing.source());
        @SuppressWarnings("unchecked")
        List<String> aliases = f.containsKey("aliases") ? (List<String>) f.get("aliases")
                : existing == null ? List.of() : existing.aliases();
        Integer year = existing == null ? null : existing.generallyAvailable();

        List<String> missing = new ArrayList<>();
        if (name == null) {
            missing.add("name");
        }
        if (shortName == null) {
            missing.add("short");
        }
        if (category == null) {
            missing.add("category");
        }
        if (english == null && chinese == null) {
            missing.add("description (en or zh)");
        }
        if (!missing.isEmpty()) {
            problems.add(at + "missing " + String.join(", ", missing));
            return null;
        }
        if (!categoriesById.containsKey(category)) {
            problems.add(at + "field 'category' names unknown category '" + category + "'; known: "
                    + String.join(", ", categoriesById.keySet()));
            return null;
        }
        if (docs != null && !docs.startsWith("https://")) {
            problems.add(at + "field 'docs' must be an https:// URL, not '" + docs + "'");
            return null;
        }
        if (f.containsKey("ga")) {
            String ga = String.valueOf(f.get("ga"));
            if (ga.isBlank()) {
                year = null;
            } else if (!YEAR.matcher(ga).matches()) {
                problems.add(at + "field 'ga' must be a year such as 2018, not '" + ga + "'");
                return null;
            } else {
                year = Integer.valueOf(ga);
            }
        }
        return new AwsService(entry.id(), sdk, name, shortName, aliases, category, english, chinese, docs, year,
                source);
    }

    private static String text(Map<String, Object> fields, String key, String fallback) {
        Object value = fields.get(key);
        if (value == null) {
            return fallback;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private void indexNames() {
        for (AwsService service : services.values()) {
            List<String> names = new ArrayList<>();
            names.add(service.id());
            names.add(service.name());
            names.add(service.shortName());
            names.addAll(service.aliases());
            for (String name : names) {
                String key = ServiceNames.key(name);
                if (key.isEmpty()) {
                    continue;
                }
                AwsService owner = servicesByName.putIfAbsent(key, service);
                if (owner != null && !owner.id().equals(service.id())) {
                    problems.add("service '" + service.id() + "': the name '" + name + "' already belongs to '"
                            + owner.id() + "'; it stays with '" + owner.id() + "'");
                }
            }
        }
        List<NameKey> longestFirst = new ArrayList<>();
        servicesByName.forEach((key, service) -> longestFirst.add(new NameKey(key, service)));
        longestFirst.sort(Comparator.comparingInt((NameKey k) -> k.key().length()).reversed());
        for (NameKey key : longestFirst) {
            keysByFirstWord.computeIfAbsent(firstWord(key.key()), k -> new ArrayList<>()).add(key);
        }
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
