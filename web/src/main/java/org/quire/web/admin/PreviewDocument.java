package org.quire.web.admin;

/**
 * The live preview as a whole HTML document, shown in a sandboxed frame ({@code srcdoc}, no scripts, no same
 * origin): the post's HTML is the site's rendering, so it gets the site's stylesheet, and even an administrator's
 * trusted HTML cannot run inside the admin pages.
 */
final class PreviewDocument {

    private PreviewDocument() {
    }

    static String of(String title, String html) {
        return start() + "<main><article class=\"post\"><h1>" + escape(title) + "</h1>\n<div class=\"post-body\">\n"
                + html + "\n</div></article></main></body></html>";
    }

    static String message(String text) {
        return start() + "<main><p class=\"meta\">" + escape(text) + "</p></main></body></html>";
    }

    private static String start() {
        // Links open outside the frame, which the sandbox allows only as popups.
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Preview</title>"
                + "<link rel=\"stylesheet\" href=\"/static/theme.css\"><base target=\"_blank\"></head><body>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
