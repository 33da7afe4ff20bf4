package org.quire.plugin.awscards;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads catalogue YAML, the shipped file or an administrator's overrides, into categories and service entries,
 * collecting every problem with the line and field it concerns rather than stopping at the first. Entries with a
 * problem are left out; the rest are kept.
 */
final class CatalogueReader {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> SERVICE_FIELDS = Set.of("id", "sdk", "name", "short", "aliases", "category",
            "description", "docs", "ga", "source");
    private static final Set<String> CATEGORY_FIELDS = Set.of("id", "en", "zh");

    /** A service as written: only the fields present are set, so an override can change one field. */
    record Entry(int line, String id, Map<String, Object> fields) {
    }

    record Result(List<Category> categories, List<Entry> services, List<String> problems) {
    }

    private final String sourceName;
    private final List<String> problems = new ArrayList<>();

    private CatalogueReader(String sourceName) {
        this.sourceName = sourceName;
    }

    /**
     * @param sourceName how messages name the text, such as {@code catalogue.yaml} or
     *                   {@code setting 'catalogue-overrides'}
     */
    static Result read(String yaml, String sourceName) {
        return new CatalogueReader(sourceName).read(yaml);
    }

    private Result read(String yaml) {
        List<Category> categories = new ArrayList<>();
        List<Entry> services = new ArrayList<>();
        if (yaml == null || yaml.isBlank()) {
            return new Result(categories, services, problems);
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(sourceName + " line " + line + ": not valid YAML: " + e.getProblem());
            return new Result(categories, services, problems);
        } catch (YAMLException e) {
            problems.add(sourceName + ": not valid YAML: " + e.getMessage());
            return new Result(categories, services, problems);
        }
        if (root == null) {
            return new Result(categories, services, problems);
        }
        Node serviceList = root;
        if (root instanceof MappingNode mapping) {
            serviceList = null;
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalar(tuple.getKeyNode());
                if ("services".equals(key)) {
                    serviceList = tuple.getValueNode();
                } else if ("categories".equals(key)) {
                    readCategories(tuple.getValueNode(), categories);
                } else {
                    problems.add(at(tuple.getKeyNode()) + "unknown key '" + key + "'; expected 'categories' or 'services'");
                }
            }
        }
        if (serviceList != null) {
            if (serviceList instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    readService(item).ifPresent(services::add);
                }
            } else {
                problems.add(at(serviceList) + "'services' must be a list of services");
            }
        }
        return new Result(categories, services, problems);
    }

    private void readCategories(Node node, List<Category> into) {
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(at(node) + "'categories' must be a list");
            return;
        }
        for (Node item : sequence.getValue()) {
            Map<String, Object> fields = fields(item, CATEGORY_FIELDS, "category");
            if (fields == null) {
                continue;
            }
            String id = (String) fields.get("id");
            String english = (String) fields.get("en");
            if (id == null || !ID.matcher(id).matches()) {
                problems.add(at(item) + "category needs an 'id' of lower-case letters, digits and dashes");
            } else if (english == null) {
                problems.add(at(item) + "category '" + id + "' needs an English name 'en'");
            } else {
                into.add(new Category(id, english, (String) fields.getOrDefault("zh", english)));
            }
        }
    }

    private Optional<Entry> readService(Node item) {
        Map<String, Object> fields = fields(item, SERVICE_FIELDS, "service");
        if (fields == null) {
            return Optional.empty();
        }
        String id = (String) fields.get("id");
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(at(item) + "service needs an 'id' of lower-case letters, digits and dashes"
                    + (id == null ? "" : ", not '" + id + "'"));
            return Optional.empty();
        }
        return Optional.of(new Entry(item.getStartMark().getLine() + 1, id, fields));
    }

    /** The fields of one mapping, as strings, lists of strings or maps of strings; null after a problem. */
    private Map<String, Object> fields(Node node, Set<String> allowed, String what) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(at(node) + "each " + what + " must be a mapping of fields");
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        boolean ok = true;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            Node value = tuple.getValueNode();
            if (key != null && fields.containsKey(key)) {
                problems.add(at(tuple.getKeyNode()) + what + " has field '" + key + "' twice");
                ok = false;
            } else if (key == null || !allowed.contains(key)) {
                problems.add(at(tuple.getKeyNode()) + what + " has unknown field '" + key + "'; known fields: "
                        + String.join(", ", new TreeSet<>(allowed)));
                ok = false;
            } else if (value instanceof ScalarNode scalar) {
                fields.put(key, scalar.getValue());
            } else if (value instanceof SequenceNode sequence && key.equals("aliases")) {
                List<String> list = new ArrayList<>();
                for (Node element : sequence.getValue()) {
                    String text = scalar(element);
                    if (text == null) {
                        problems.add(at(element) + "'aliases' must be a list of names");
                        ok = false;
                    } else {
                        list.add(text);
                    }
                }
                fields.put(key, list);
            } else if (value instanceof MappingNode languages && key.equals("description")) {
                Map<String, String> texts = new LinkedHashMap<>();
                for (NodeTuple language : languages.getValue()) {
                    String code = scalar(language.getKeyNode());
                    String text = scalar(language.getValueNode());
                    if (!("en".equals(code) || "zh".equals(code)) || text == null) {
                        problems.add(at(language.getKeyNode()) + "'description' takes 'en' and 'zh' lines of text");
                        ok = false;
                    } else {
                        texts.put(code, text);
                    }
                }
                fields.put(key, texts);
            } else {
                problems.add(at(value) + "field '" + key + "' has the wrong shape");
                ok = false;
            }
        }
        return ok ? fields : null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private String at(Node node) {
        return sourceName + " line " + (node.getStartMark().getLine() + 1) + ": ";
    }
}
