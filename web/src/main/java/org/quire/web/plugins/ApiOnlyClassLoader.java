package org.quire.web.plugins;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every installed plugin's class loader: it shows the plugin the Java platform, the plugin API and
 * commonmark, and nothing else of the application, so a plugin can only use Quire through {@code plugin-api} and
 * cannot reach the web application's or the core's internals (or their libraries, whose versions it cannot rely on).
 */
final class ApiOnlyClassLoader extends ClassLoader {

    private static final String[] SHARED_PACKAGES = {"org.quire.api.", "org.commonmark."};
    private static final String[] SHARED_RESOURCES = {"org/quire/api/", "org/commonmark/"};

    private final ClassLoader application;

    ApiOnlyClassLoader(ClassLoader application) {
        super("quire-plugin-api", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String shared : SHARED_PACKAGES) {
            if (name.startsWith(shared)) {
                return application.loadClass(name);
            }
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return shared(name) ? application.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return shared(name) ? application.getResources(name) : Collections.emptyEnumeration();
    }

    private static boolean shared(String resource) {
        for (String prefix : SHARED_RESOURCES) {
            if (resource.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
