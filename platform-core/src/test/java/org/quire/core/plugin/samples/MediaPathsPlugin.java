package org.quire.core.plugin.samples;

import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.quire.api.DocumentTransform;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;
import org.quire.api.SettingDefinition;
import org.quire.api.SettingType;
import org.quire.api.TransformContext;

/**
 * A document transform in both stages: on the tree, {@code /images/…} sources move under the configured media
 * prefix; on the HTML, images get {@code loading="lazy"}.
 */
public final class MediaPathsPlugin implements QuirePlugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder("sample-media-paths").name("Media paths").version("1.0")
                .setting(SettingDefinition.of("prefix", SettingType.STRING, "/media", "Where images are served from"))
                .build();
    }

    @Override
    public List<DocumentTransform> documentTransforms() {
        return List.of(new DocumentTransform() {
            @Override
            public void transformTree(Node document, TransformContext context) {
                String prefix = context.settings().get("prefix");
                document.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Image image) {
                        if (image.getDestination().startsWith("/images/")) {
                            image.setDestination(prefix + image.getDestination());
                        }
                    }
                });
            }

            @Override
            public String transformHtml(String html, TransformContext context) {
                return html.replace("<img ", "<img loading=\"lazy\" ");
            }
        });
    }
}
