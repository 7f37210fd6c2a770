package eu.invoicing.einvoice.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small element tree written as indented UTF-8 XML with every text and attribute escaped. Mutable,
 * single-thread: a writer builds one per document.
 */
public final class Xml {

    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<Xml> children = new ArrayList<>();
    private String text;

    private Xml(String name) {
        this.name = name;
    }

    /**
     * @param name the qualified element name
     * @return a new root element
     */
    public static Xml root(String name) {
        return new Xml(name);
    }

    /**
     * @param childName the qualified element name
     * @return the new child
     */
    public Xml add(String childName) {
        Xml child = new Xml(childName);
        children.add(child);
        return child;
    }

    /**
     * Adds a text element unless the value is null or blank (EN 16931 syntaxes forbid empty elements).
     *
     * @param childName the element
     * @param value the text, nullable
     * @return this element
     */
    public Xml text(String childName, String value) {
        if (value != null && !value.isBlank()) {
            add(childName).text = value;
        }
        return this;
    }

    /**
     * Like {@link #text(String, String)} with one attribute.
     *
     * @param childName the element
     * @param value the text, nullable
     * @param attribute the attribute name
     * @param attributeValue the attribute value, nullable (then left out)
     * @return this element
     */
    public Xml text(String childName, String value, String attribute, String attributeValue) {
        if (value != null && !value.isBlank()) {
            Xml child = add(childName);
            child.text = value;
            child.attr(attribute, attributeValue);
        }
        return this;
    }

    /**
     * Like {@link #text(String, String)} with two attributes.
     *
     * @param childName the element
     * @param value the text, nullable
     * @param attribute the first attribute name
     * @param attributeValue its value, nullable (then left out)
     * @param attribute2 the second attribute name
     * @param attributeValue2 its value, nullable (then left out)
     * @return this element
     */
    public Xml text(String childName, String value, String attribute, String attributeValue, String attribute2,
            String attributeValue2) {
        if (value != null && !value.isBlank()) {
            Xml child = add(childName);
            child.text = value;
            child.attr(attribute, attributeValue);
            child.attr(attribute2, attributeValue2);
        }
        return this;
    }

    /**
     * @param attribute the attribute name
     * @param value the value, nullable (then left out)
     * @return this element
     */
    public Xml attr(String attribute, String value) {
        if (value != null) {
            attributes.put(attribute, value);
        }
        return this;
    }

    /** @return the document as UTF-8 bytes, with an XML declaration */
    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        write(sb, 0);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void write(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append('<').append(name);
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            sb.append(' ').append(a.getKey()).append("=\"");
            escape(sb, a.getValue(), true);
            sb.append('"');
        }
        if (text != null) {
            sb.append('>');
            escape(sb, text, false);
            sb.append("</").append(name).append(">\n");
        } else if (children.isEmpty()) {
            sb.append("/>\n");
        } else {
            sb.append(">\n");
            for (Xml c : children) {
                c.write(sb, depth + 1);
            }
            sb.append("  ".repeat(depth)).append("</").append(name).append(">\n");
        }
    }

    private static void escape(StringBuilder sb, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                default -> {
                    // Characters XML 1.0 cannot carry at all are dropped rather than written invalid.
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
