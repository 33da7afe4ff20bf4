package org.quire.web;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image must keep that nothing names in code: Quarkus turns off GraalVM's own service-loader
 * support, so the built-in plugins and the TwelveMonkeys image codecs, found through {@code META-INF/services}, are
 * registered here by name, and their service files, the plugins' templates and the AWS catalogue are included as
 * resources ({@code quarkus.native.resources.includes}). {@code .ci/native-check} fails when a service file names a
 * class missing here. H2 finds its {@code retry:} file system (the embedded database's URL) by class name too.
 */
@RegisterForReflection(classNames = {
        "org.quire.plugin.awscards.AwsCardsPlugin",
        "org.quire.plugin.images.ImagesPlugin",
        "org.quire.plugin.rss.FeedsPlugin",
        "org.quire.plugin.tags.TagsPlugin",
        "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi",
        "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageWriterSpi",
        "com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi",
        "org.h2.store.fs.retry.FilePathRetryOnInterrupt"})
final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
