package org.quire.core.plugin.samples;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.quire.api.DocumentTransform;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;
import org.quire.api.SiteEvent;
import org.quire.api.TransformContext;

/** Fails everywhere it can: in its Markdown extension, its transform and its event listener. */
public final class ThrowingPlugin implements QuirePlugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder("sample-throwing").name("Always fails").version("1.0").order(50).build();
    }

    @Override
    public List<Extension> markdownExtensions() {
        return List.of((Parser.ParserExtension) builder -> builder.postProcessor(document -> {
            throw new IllegalStateException("extension broke");
        }));
    }

    @Override
    public List<DocumentTransform> documentTransforms() {
        return List.of(new DocumentTransform() {
            @Override
            public void transformTree(Node document, TransformContext context) {
                throw new IllegalStateException("transform broke");
            }
        });
    }

    @Override
    public void onEvent(SiteEvent event) {
        throw new IllegalStateException("listener broke");
    }
}
