package eu.invoicing.einvoice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * The XML Schemas of the syntaxes, read from the ph-ubl21, ph-cii-d16b and ph-xsds resource jars and
 * compiled with a resolver that serves the imports the UBL schemas give without a location (XML Signature,
 * XAdES, CCTS) from those jars, never from the network. Stateless and thread-safe; a compiled
 * {@link Schema} is thread-safe too.
 */
public final class Schemas {

    /** The UBL 2.1 Invoice schema resource. */
    public static final String UBL_INVOICE = "external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd";
    /** The UBL 2.1 CreditNote schema resource. */
    public static final String UBL_CREDIT_NOTE = "external/schemas/ubl21/maindoc/UBL-CreditNote-2.1.xsd";
    /** The CII D16B schema resource. */
    public static final String CII = "external/schemas/d16b/data/standard/CrossIndustryInvoice_100pD16B.xsd";

    private static final Map<String, String> LOCATIONLESS = Map.of(
            "http://www.w3.org/2000/09/xmldsig#", "schemas/xmldsig-core-schema.xsd",
            "http://uri.etsi.org/01903/v1.3.2#", "schemas/XAdES01903v132-201601.xsd",
            "http://uri.etsi.org/01903/v1.4.1#", "schemas/XAdES01903v141-201601.xsd",
            "urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2", "schemas/CCTS_CCT_SchemaModule.xsd");

    private Schemas() {
    }

    /**
     * @param resource a class-path schema resource
     * @return the compiled schema
     * @throws IllegalStateException naming the resource when it is absent or does not compile
     */
    public static Schema compile(String resource) {
        URL url = resource(resource);
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // The schemas include each other by relative location inside their jar (or a file in an IDE).
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            f.setResourceResolver(new Resolver(f.getResourceResolver()));
            try (InputStream in = url.openStream()) {
                return f.newSchema(new StreamSource(in, url.toExternalForm()));
            }
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("the schema " + resource + " does not compile: " + e.getMessage(), e);
        }
    }

    private static URL resource(String name) {
        URL url = Schemas.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("schema resource " + name + " not found on the class path");
        }
        return url;
    }

    private record Resolver(LSResourceResolver fallback) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId, String baseURI) {
            String local = systemId == null ? LOCATIONLESS.get(namespaceURI) : null;
            if (local != null) {
                URL url = resource(local);
                return new UrlInput(url.toExternalForm(), publicId, baseURI);
            }
            return fallback == null ? null : fallback.resolveResource(type, namespaceURI, publicId, systemId, baseURI);
        }
    }

    private static final class UrlInput implements LSInput {
        private String systemId;
        private String publicId;
        private String baseUri;

        UrlInput(String systemId, String publicId, String baseUri) {
            this.systemId = systemId;
            this.publicId = publicId;
            this.baseUri = baseUri;
        }

        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() { return null; }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { this.systemId = systemId; }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { this.publicId = publicId; }
        @Override public String getBaseURI() { return baseUri; }
        @Override public void setBaseURI(String baseURI) { this.baseUri = baseURI; }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
