package org.quire.web.architecture;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

/** The arrows between a module's first-level packages that lie on a cycle (Tarjan's strongly connected parts). */
final class PackageCycles {

    private PackageCycles() {
    }

    /**
     * @return each arrow on a cycle as {@code from -> to}, sorted, with one dependency that makes it as an example
     *         (the first by its description, so the same on every run)
     */
    static Map<String, String> arrowsOnCycles(JavaClasses classes, String root) {
        Map<String, Set<String>> graph = new TreeMap<>();
        Map<String, String> example = new HashMap<>();
        for (JavaClass origin : classes) {
            String from = slice(origin.getPackageName(), root);
            if (from == null) {
                continue;
            }
            graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String to = slice(dependency.getTargetClass().getPackageName(), root);
                if (to != null && !to.equals(from)) {
                    graph.get(from).add(to);
                    example.merge(from + " -> " + to, dependency.getDescription(),
                            (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        Map<String, Integer> component = new Tarjan(graph).components();
        Map<String, String> arrows = new TreeMap<>();
        graph.forEach((from, targets) -> targets.forEach(to -> {
            if (component.get(from).equals(component.get(to))) {
                arrows.put(from + " -> " + to, example.get(from + " -> " + to).replaceAll(" in \\(.*\\)$", ""));
            }
        }));
        return arrows;
    }

    /** {@code content} for {@code org.quire.web.content.jekyll}; null outside the module or for its root. */
    private static String slice(String packageName, String root) {
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Map<String, Integer> component = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new java.util.HashSet<>();
        private int next;
        private int components;

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        Map<String, Integer> components() {
            for (String node : graph.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return component;
        }

        private void visit(String node) {
            index.put(node, next);
            low.put(node, next);
            next++;
            stack.push(node);
            onStack.add(node);
            for (String target : graph.getOrDefault(node, Set.of())) {
                if (!index.containsKey(target)) {
                    visit(target);
                    low.put(node, Math.min(low.get(node), low.get(target)));
                } else if (onStack.contains(target)) {
                    low.put(node, Math.min(low.get(node), index.get(target)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.put(member, components);
                } while (!member.equals(node));
                components++;
            }
        }
    }
}
