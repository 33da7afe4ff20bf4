package org.quire.web.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars inside a test, as a third party would: Java sources compiled against plugin-api (and, to
 * show what the class loader forbids, anything else given), plus resources such as the service file.
 */
public final class PluginJarBuilder {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final List<Class<?>> compileAgainst = new ArrayList<>(List.of(org.quire.api.QuirePlugin.class,
            org.commonmark.Extension.class));
    private final List<Path> compileAgainstPaths = new ArrayList<>();

    public PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    public PluginJarBuilder service(String pluginClass) {
        return resource(PluginJars.SERVICE_FILE, pluginClass + "\n");
    }

    public PluginJarBuilder resource(String name, String text) {
        resources.put(name, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Lets the sources see more classes at compile time (the plugin will not see them at run time). */
    public PluginJarBuilder compileAgainst(Path classesOrJar) {
        compileAgainstPaths.add(classesOrJar.toAbsolutePath());
        return this;
    }

    public byte[] build() {
        try {
            Path work = Files.createTempDirectory("quire-plugin-src-");
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file);
            }
            if (!files.isEmpty()) {
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                        "-cp", classpath()));
                files.forEach(f -> arguments.add(f.toString()));
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                if (javac.run(null, null, errors, arguments.toArray(String[]::new)) != 0) {
                    throw new IllegalStateException("The test plugin does not compile:\n" + errors);
                }
            }
            ByteArrayOutputStream jar = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(jar); Stream<Path> compiled = Files.walk(classes)) {
                for (Path file : compiled.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
                for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                    out.putNextEntry(new JarEntry(resource.getKey()));
                    out.write(resource.getValue());
                    out.closeEntry();
                }
            }
            return jar.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String classpath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : compileAgainst) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        compileAgainstPaths.forEach(path -> entries.add(path.toString()));
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** A jar with one raw entry, such as a hostile name that points outside the jar. */
    public static byte[] withEntry(String name, String text) {
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar)) {
            out.putNextEntry(new JarEntry(PluginJars.SERVICE_FILE));
            out.write("x.Y\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry(name));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar.toByteArray();
    }
}
