package org.quire.web.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.quire.api.ApiVersion;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;

/**
 * Opens an installed plugin jar: checks that it is one (a readable jar, no entry that points outside it, a service
 * file naming exactly one plugin class that loads and describes itself, for an API version this Quire provides) and
 * gives it a class loader of its own under {@link ApiOnlyClassLoader}. Every refusal is a {@link PluginJarException}
 * whose message names the jar and says what is wrong.
 */
final class PluginJars {

    static final String SERVICE_FILE = "META-INF/services/" + QuirePlugin.class.getName();

    /**
     * A jar that passed the checks, with its class loader (closed by {@link #close()}), and the SHA-256 of the file
     * as it was opened: reconciling with the shared store compares it every minute without reading the file again.
     */
    record OpenJar(Path jar, URLClassLoader loader, PluginDescriptor descriptor, String sha256)
            implements AutoCloseable {

        /** A new instance of the jar's plugin, for one generation of the registry. */
        QuirePlugin newPlugin() {
            return ServiceLoader.load(QuirePlugin.class, loader).findFirst().orElseThrow();
        }

        @Override
        public void close() {
            try {
                loader.close();
            } catch (IOException e) {
                // Only open jar handles are released here; nothing is lost if one stays open.
            }
        }
    }

    /** A jar refused, and why. */
    static final class PluginJarException extends Exception {
        PluginJarException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private PluginJars() {
    }

    /**
     * @param shownName how the jar is named in messages (the uploaded file's name, or the installed file's)
     */
    static OpenJar open(Path jar, String shownName, ClassLoader application) throws PluginJarException {
        checkEntries(jar, shownName);
        String sha256;
        try {
            sha256 = sha256(jar);
        } catch (IOException e) {
            throw new PluginJarException("Plugin jar '" + shownName + "' cannot be read: " + e.getMessage(), e);
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("quire-plugin:" + shownName, new URL[] {jar.toUri().toURL()},
                    new ApiOnlyClassLoader(application));
        } catch (IOException e) {
            throw new PluginJarException("Plugin jar '" + shownName + "' cannot be opened: " + e.getMessage(), e);
        }
        try {
            List<QuirePlugin> plugins = new ArrayList<>();
            try {
                plugins = BoundedPluginCall.run("its constructor", () -> {
                    List<QuirePlugin> found = new ArrayList<>();
                    ServiceLoader.load(QuirePlugin.class, loader).forEach(found::add);
                    return found;
                });
            } catch (BoundedPluginCall.Failed e) {
                boolean unloadable = e.getCause() instanceof ServiceConfigurationError
                        || e.getCause() instanceof LinkageError;
                throw new PluginJarException("Plugin jar '" + shownName + "': " + (unloadable ? "the class its "
                        + SERVICE_FILE + " names cannot be loaded (" + rootMessage(e.getCause()) + "). A plugin may"
                        + " use only plugin-api, commonmark and what it packs itself" : "the plugin's "
                        + e.getMessage()), e);
            }
            if (plugins.size() != 1) {
                throw new PluginJarException("Plugin jar '" + shownName + "' names " + plugins.size()
                        + " plugin classes in " + SERVICE_FILE + "; a jar holds exactly one plugin", null);
            }
            PluginDescriptor descriptor;
            QuirePlugin plugin = plugins.get(0);
            try {
                descriptor = BoundedPluginCall.run("descriptor()", plugin::descriptor);
            } catch (BoundedPluginCall.Failed e) {
                throw new PluginJarException("Plugin jar '" + shownName + "': its descriptor cannot be read ("
                        + (e.getCause() == null ? e.getMessage() : rootMessage(e.getCause())) + ")", e);
            }
            if (descriptor == null) {
                throw new PluginJarException("Plugin jar '" + shownName + "': its descriptor() returned null", null);
            }
            if (!descriptor.requiredApi().includes(ApiVersion.CURRENT)) {
                throw new PluginJarException("Plugin jar '" + shownName + "': plugin '" + descriptor.id() + "' "
                        + descriptor.version() + " requires plugin API " + descriptor.requiredApi()
                        + ", but this Quire provides plugin API " + ApiVersion.CURRENT
                        + "; install a version built for API " + ApiVersion.CURRENT.major() + ".x", null);
            }
            return new OpenJar(jar, loader, descriptor, sha256);
        } catch (PluginJarException e) {
            closeQuietly(loader);
            throw e;
        }
    }

    /** The SHA-256 of a file, in hex, as the media store records it. */
    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plugin jar is never unpacked, but an entry named to escape a folder marks a hostile or broken file. */
    private static void checkEntries(Path jar, String shownName) throws PluginJarException {
        boolean service = false;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith("/") || name.contains("\\") || name.contains(":")
                        || ("/" + name + "/").contains("/../")) {
                    throw new PluginJarException("Plugin jar '" + shownName + "' has an entry '" + name
                            + "' that points outside the jar; refused", null);
                }
                service |= name.equals(SERVICE_FILE);
            }
        } catch (ZipException e) {
            throw new PluginJarException("Plugin jar '" + shownName + "' is not a readable jar (zip) file: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new PluginJarException("Plugin jar '" + shownName + "' cannot be read: " + e.getMessage(), e);
        }
        if (!service) {
            throw new PluginJarException("Plugin jar '" + shownName + "' is not a Quire plugin: it has no "
                    + SERVICE_FILE + " naming its plugin class", null);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // the refusal is what matters
        }
    }
}
