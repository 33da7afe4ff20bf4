package org.quire.plugin.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SvgSanitizerTest {

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" height=\"50\"";

    private final SvgSanitizer sanitizer = new SvgSanitizer();

    private String clean(String svg) throws ImageRejectedException {
        return new String(sanitizer.sanitize("drawing.svg", svg.getBytes(StandardCharsets.UTF_8)).bytes(),
                StandardCharsets.UTF_8);
    }

    @Test
    void aHarmlessSvgKeepsItsDrawing() throws Exception {
        String out = clean(OPEN + "><defs><linearGradient id=\"g\"/></defs>"
                + "<rect width=\"10\" height=\"10\" fill=\"url(#g)\" style=\"fill:url(#g)\"/>"
                + "<use href=\"#g\"/><use xlink:href=\"#g\"/>"
                + "<image href=\"data:image/png;base64,iVBORw0KGgo=\"/></svg>");
        assertThat(out).contains("<rect", "fill=\"url(#g)\"", "style=\"fill:url(#g)\"", "href=\"#g\"",
                "xlink:href=\"#g\"", "data:image/png;base64,iVBORw0KGgo=");
    }

    @Test
    void scriptsAreRemoved() throws Exception {
        SvgSanitizer.CleanSvg result = sanitizer.sanitize("a.svg", (OPEN + "><script>alert(document.cookie)</script>"
                + "<script xlink:href=\"https://evil.example/x.js\"/><circle r=\"5\"/></svg>")
                .getBytes(StandardCharsets.UTF_8));
        String out = new String(result.bytes(), StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("script", "alert").contains("<circle");
        assertThat(result.removed()).contains("<script>");
    }

    @Test
    void eventHandlersAreRemoved() throws Exception {
        String out = clean(OPEN + " onload=\"alert(1)\"><rect onclick=\"alert(2)\" ONMOUSEOVER=\"alert(3)\" "
                + "width=\"1\" height=\"1\"/></svg>");
        assertThat(out).doesNotContainIgnoringCase("onload").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onmouseover").doesNotContain("alert").contains("<rect");
    }

    @Test
    void javascriptAndExternalReferencesAreRemoved() throws Exception {
        String out = clean(OPEN + "><a href=\"javascript:alert(1)\"><text>click</text></a>"
                + "<a xlink:href=\" java&#x09;script:alert(2)\"><text>tab</text></a>"
                + "<image href=\"https://tracker.example/pixel.png\"/>"
                + "<use xlink:href=\"other.svg#icon\"/>"
                + "<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>"
                + "<set attributeName=\"href\" to=\"javascript:alert(3)\"/>"
                + "<rect style=\"background:url(https://tracker.example/a.png)\" width=\"1\" height=\"1\"/>"
                + "<style>@import url(https://evil.example/a.css); rect { fill: red }</style></svg>");
        assertThat(out).doesNotContain("javascript", "script:", "tracker.example", "other.svg", "svg+xml", "<set",
                "evil.example").contains("<text>click</text>", "<text>tab</text>", "<rect");
    }

    @Test
    void foreignObjectIsRemoved() throws Exception {
        String out = clean(OPEN + "><foreignObject width=\"100\" height=\"50\"><body xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<iframe src=\"https://evil.example\"/></body></foreignObject><circle r=\"1\"/></svg>");
        assertThat(out).doesNotContain("foreignObject", "iframe", "evil").contains("<circle");
    }

    @Test
    void entityDeclarationsAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + OPEN + "><text>&xxe;</text></svg>";
        assertThatThrownBy(() -> clean(xxe)).isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("drawing.svg: declares entities");
        String laughs = "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + OPEN + "><text>&b;</text></svg>";
        assertThatThrownBy(() -> clean(laughs)).hasMessageContaining("declares entities");
    }

    @Test
    void thePublicSvgDoctypeIsDroppedAndNothingIsFetched() throws Exception {
        String out = clean("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" + OPEN + "><circle r=\"1\"/></svg>");
        assertThat(out).doesNotContain("DOCTYPE").contains("<circle");
    }

    @Test
    void whatIsNotAnSvgIsRefused() {
        assertThatThrownBy(() -> clean("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"))
                .hasMessageContaining("root element is <html>");
        assertThatThrownBy(() -> clean("<svg><circle r=\"1\"/></svg>"))
                .hasMessageContaining("not <svg> in the SVG namespace");
        assertThatThrownBy(() -> clean(OPEN + "><circle></svg>"))
                .hasMessageStartingWith("drawing.svg: is not well-formed XML at line 1");
    }

    @Test
    void editorDataAndCommentsAreRemoved() throws Exception {
        String out = clean(OPEN + " xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" "
                + "inkscape:version=\"1.2\"><!-- author: Jane, home address --><metadata>Jane</metadata>"
                + "<inkscape:grid/><circle r=\"1\" inkscape:label=\"x\"/></svg>");
        assertThat(out).doesNotContain("Jane", "inkscape:grid", "inkscape:label", "inkscape:version").contains("<circle");
    }
}
