package org.quire.web.plugins;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quire.api.UrlPaths;
import org.quire.core.plugin.PluginProblem;
import org.quire.web.content.Post;

/**
 * Tells a plugin just turned on which of its paths posts already have. The post keeps its address (posts are looked
 * up before plugin routes, and a reader's link or bookmark must keep working), so that page of the plugin is not
 * served; the administrator reads why in the plugin's notices and can move the post. Redirects, a post's old
 * addresses, also keep answering before the plugin.
 */
@ApplicationScoped
class RouteCollisions {

    /** Enough for the notices to say what is wrong without flooding them. */
    private static final int NAMED = 10;

    @Inject
    PluginRoutes routes;

    @Inject
    PluginRuntime runtime;

    /** @return the collisions found, each also reported as a notice of the plugin */
    @Transactional
    List<String> report(String pluginId) {
        List<PluginRoutes.Mounted> mine = routes.routes().stream()
                .filter(mounted -> mounted.plugin().id().equals(pluginId)).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        List<Object[]> addresses = Post.getEntityManager().createQuery("select p.path, p.title from Post p"
                + " where p.deletedAt is null", Object[].class).getResultList();
        for (Object[] row : addresses) {
            matching(mine, (String) row[0]).ifPresent(pattern -> found.add("the route " + pattern + " matches "
                    + row[0] + ", the address of the post '" + row[1] + "'; the post keeps it"));
        }
        List<String> redirects = Post.getEntityManager().createQuery("select r.fromPath from Redirect r",
                String.class).getResultList();
        for (String from : redirects) {
            matching(mine, from).ifPresent(pattern -> found.add("the route " + pattern + " matches " + from
                    + ", an old address of a post that keeps redirecting to it"));
        }
        for (String collision : found.subList(0, Math.min(NAMED, found.size()))) {
            runtime.registry().report(new PluginProblem(pluginId, "mount", collision, null));
        }
        if (found.size() > NAMED) {
            runtime.registry().report(new PluginProblem(pluginId, "mount", (found.size() - NAMED)
                    + " more paths of posts match this plugin's routes", null));
        }
        return found;
    }

    private static java.util.Optional<String> matching(List<PluginRoutes.Mounted> mine, String sitePath) {
        String encoded = UrlPaths.encodePath(sitePath);
        return mine.stream().filter(mounted -> mounted.pattern().matcher(encoded).matches())
                .map(mounted -> mounted.route().pattern()).findFirst();
    }
}
