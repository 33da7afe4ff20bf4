package org.quire.plugin.images;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Makes an uploaded SVG safe to serve from the site's own origin, where a script in it would run with the site's
 * cookies when the file is opened directly. The SVG is parsed with a parser that refuses document type
 * declarations with entities (no XXE, no billion laughs) and loads nothing external; then removed are:
 * <ul>
 *   <li>{@code <script>}, {@code <foreignObject>} (HTML inside SVG), {@code <iframe>}, {@code <embed>},
 *       {@code <object>}, {@code <handler>}, {@code <listener>}, {@code <metadata>}, and every element outside the
 *       SVG namespace (editor data such as Inkscape's);</li>
 *   <li>animations that would set an {@code href} or an event handler ({@code <set attributeName="href"
 *       to="javascript:…">});</li>
 *   <li>event-handler attributes ({@code onload} and every other {@code on*}), attributes outside the SVG and
 *       XLink namespaces, and any attribute whose value holds a {@code javascript:} URL;</li>
 *   <li>{@code href}/{@code xlink:href} to anything but a {@code #fragment} in the file or a {@code data:} URL of a
 *       raster image (PNG, JPEG, GIF, WebP);</li>
 *   <li>style sheets and {@code style} attributes that import or point to anything outside the file;</li>
 *   <li>comments and processing instructions ({@code <?xml-stylesheet?>}).</li>
 * </ul>
 * What is left must still be an {@code <svg>} root in the SVG namespace, or the file is refused.
 *
 * <p>A document type declaration without an internal subset (the public SVG 1.1 DTD that some editors write) is
 * dropped before parsing; one with an internal subset ({@code [<!ENTITY …>]}) is refused.
 *
 * <p>Thread-safe: a parser is made per call.
 */
public final class SvgSanitizer {

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final String XML_NS = XMLConstants.XML_NS_URI;
    private static final String XMLNS_NS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

    private static final Set<String> REMOVED_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object",
            "handler", "listener", "metadata");
    private static final Set<String> ANIMATIONS = Set.of("set", "animate", "animatemotion", "animatetransform",
            "animatecolor");
    private static final Pattern RASTER_DATA = Pattern.compile(
            "data:image/(png|jpeg|jpg|gif|webp);base64,[A-Za-z0-9+/=\\s]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*");

    /**
     * A cleaned SVG.
     *
     * @param bytes   the SVG to store and serve, UTF-8
     * @param removed what was removed, such as {@code <script>} or {@code onload on <svg>}, for a message to the
     *                uploader; empty when nothing was
     */
    public record CleanSvg(byte[] bytes, List<String> removed) {
    }

    /**
     * @param name the file name, for messages
     * @throws ImageRejectedException when the file is not well-formed XML, declares entities, or is not an SVG
     */
    public CleanSvg sanitize(String name, byte[] svg) throws ImageRejectedException {
        Document document = parse(name, svg);
        TreeSet<String> removed = new TreeSet<>();
        clean(document, removed);
        Element root = document.getDocumentElement();
        if (root == null || !isSvg(root)) {
            throw new ImageRejectedException(name, "is not an SVG image once cleaned");
        }
        return new CleanSvg(serialise(name, document), List.copyOf(removed));
    }

    /** The SVG's declared width and height (in pixels, or from its {@code viewBox}), or 0 × 0 when it has none. */
    ImageInfo declaredSize(String name, byte[] svg) throws ImageRejectedException {
        Element root = parse(name, svg).getDocumentElement();
        int width = length(root.getAttribute("width"));
        int height = length(root.getAttribute("height"));
        String[] viewBox = root.getAttribute("viewBox").trim().split("[\\s,]+");
        if ((width == 0 || height == 0) && viewBox.length == 4) {
            try {
                double boxWidth = Double.parseDouble(viewBox[2]);
                double boxHeight = Double.parseDouble(viewBox[3]);
                if (boxWidth > 0 && boxHeight > 0) {
                    if (width == 0 && height == 0) {
                        width = (int) Math.round(boxWidth);
                        height = (int) Math.round(boxHeight);
                    } else if (width == 0) {
                        width = (int) Math.round(height * boxWidth / boxHeight);
                    } else {
                        height = (int) Math.round(width * boxHeight / boxWidth);
                    }
                }
            } catch (NumberFormatException e) {
                // A viewBox that is not four numbers gives no size; the SVG still renders at its container's size.
            }
        }
        return new ImageInfo(ImageType.SVG, width, height, 1, false, true);
    }

    private static int length(String value) {
        Matcher m = LENGTH.matcher(value);
        return m.matches() ? (int) Math.round(Double.parseDouble(m.group(1))) : 0;
    }

    private static Document parse(String name, byte[] svg) throws ImageRejectedException {
        byte[] withoutDoctype = dropPlainDoctype(name, svg);
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            Document document = builder.parse(new ByteArrayInputStream(withoutDoctype));
            if (!isSvg(document.getDocumentElement())) {
                throw new ImageRejectedException(name, "is not an SVG image: its root element is <"
                        + document.getDocumentElement().getNodeName() + ">, not <svg> in the SVG namespace " + SVG_NS);
            }
            return document;
        } catch (SAXParseException e) {
            String problem = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "declares a document type, which SVG images may not (entities are refused)"
                    : "is not well-formed XML at line " + e.getLineNumber() + ": " + e.getMessage();
            throw new ImageRejectedException(name, problem, e);
        } catch (SAXException | IOException e) {
            throw new ImageRejectedException(name, "is not a readable SVG: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }

    /**
     * Removes a {@code <!DOCTYPE …>} with no internal subset (an external DTD is never fetched anyway); refuses one
     * with an internal subset, where entities are declared.
     */
    private static byte[] dropPlainDoctype(String name, byte[] svg) throws ImageRejectedException {
        String text = new String(svg, StandardCharsets.UTF_8);
        int start = text.indexOf("<!DOCTYPE");
        int root = text.indexOf("<svg");
        if (start < 0 || (root >= 0 && root < start)) {
            return svg;
        }
        char quote = 0;
        for (int i = start + 9; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                throw new ImageRejectedException(name, "declares entities in its document type (<!DOCTYPE … [ … ]>);"
                        + " SVG images must not declare entities");
            } else if (c == '>') {
                return (text.substring(0, start) + text.substring(i + 1)).getBytes(StandardCharsets.UTF_8);
            }
        }
        throw new ImageRejectedException(name, "is not well-formed XML: its document type declaration never ends");
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static boolean isSvg(Element element) {
        return element != null && SVG_NS.equals(element.getNamespaceURI()) && "svg".equals(element.getLocalName());
    }

    private static void clean(Node node, TreeSet<String> removed) {
        List<Node> children = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            children.add(child);
        }
        for (Node child : children) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    Element element = (Element) child;
                    String why = reasonToRemove(element);
                    if (why != null) {
                        removed.add(why);
                        node.removeChild(element);
                    } else {
                        cleanAttributes(element, removed);
                        clean(element, removed);
                    }
                }
                case Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE -> node.removeChild(child);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (node instanceof Element parent && "style".equals(parent.getLocalName())
                            && pointsOutside(child.getTextContent())) {
                        child.setTextContent("");
                        removed.add("a style sheet that loads from outside the file");
                    }
                }
                default -> {
                }
            }
        }
    }

    private static String reasonToRemove(Element element) {
        String local = element.getLocalName() == null ? element.getNodeName() : element.getLocalName();
        String lower = local.toLowerCase(Locale.ROOT);
        if (!SVG_NS.equals(element.getNamespaceURI())) {
            return "<" + element.getNodeName() + "> (not SVG)";
        }
        if (REMOVED_ELEMENTS.contains(lower)) {
            return "<" + local + ">";
        }
        if (ANIMATIONS.contains(lower)) {
            String target = element.getAttribute("attributeName").trim().toLowerCase(Locale.ROOT);
            if (target.endsWith("href") || target.startsWith("on")) {
                return "<" + local + "> animating " + target;
            }
        }
        return null;
    }

    private static void cleanAttributes(Element element, TreeSet<String> removed) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> doomed = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            if (XMLNS_NS.equals(ns)) {
                continue;
            }
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String lower = local.toLowerCase(Locale.ROOT);
            String value = attribute.getValue();
            boolean foreign = ns != null && !XLINK_NS.equals(ns) && !XML_NS.equals(ns) && !SVG_NS.equals(ns);
            boolean remove = foreign
                    || lower.startsWith("on")
                    || hasJavascriptUrl(value)
                    || (lower.equals("href") && !safeReference(value))
                    || (lower.equals("style") && pointsOutside(value));
            if (remove) {
                doomed.add(attribute);
                removed.add(attribute.getName() + " on <" + element.getLocalName() + ">");
            }
        }
        doomed.forEach(element::removeAttributeNode);
    }

    private static boolean safeReference(String value) {
        String trimmed = value.strip();
        return trimmed.startsWith("#") || RASTER_DATA.matcher(trimmed).matches();
    }

    private static boolean hasJavascriptUrl(String value) {
        StringBuilder compact = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isISOControl(c)) {
                compact.append(Character.toLowerCase(c));
            }
        }
        String text = compact.toString();
        return text.contains("javascript:") || text.contains("vbscript:");
    }

    private static boolean pointsOutside(String css) {
        if (css.toLowerCase(Locale.ROOT).contains("@import")) {
            return true;
        }
        Matcher url = CSS_URL.matcher(css);
        while (url.find()) {
            if (!safeReference(url.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] serialise(String name, Document document) throws ImageRejectedException {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.METHOD, "xml");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new ImageRejectedException(name, "could not be written back after cleaning: " + e.getMessage(), e);
        }
    }
}
