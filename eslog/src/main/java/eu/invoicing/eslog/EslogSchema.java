package eu.invoicing.eslog;

import eu.invoicing.eslog.internal.parse.Messages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * The official e-SLOG 2.0 XSD ({@value #XSD_FILE_NAME}, which imports {@value #DSIG_FILE_NAME}),
 * compiled once from a location the host supplies. The library never ships the schema and never
 * reaches the network for it: both files are read from the given directory, and any
 * {@code http(s)} reference inside them (the W3C DTD the signature schema names) resolves to an
 * empty document.
 *
 * <p>Compile one instance at start-up and share it: it is immutable and thread-safe (a compiled
 * {@link Schema} is), and compiling costs far more than validating.
 */
public final class EslogSchema {

    /** File name of the official e-SLOG 2.0 invoice schema. */
    public static final String XSD_FILE_NAME = "eSLOG20_INVOIC_v200.xsd";
    /** File name of the W3C XML-Signature schema that the e-SLOG schema imports by relative path. */
    public static final String DSIG_FILE_NAME = "xmldsig-core-schema.xsd";

    /** The most bytes a schema file may have: the e-SLOG XSD has about 70 kB. */
    static final int MAX_SCHEMA_BYTES = 8 << 20;

    private final Path xsdFile;
    private final Schema schema;

    private EslogSchema(Path xsdFile, Schema schema) {
        this.xsdFile = xsdFile;
        this.schema = schema;
    }

    /**
     * Compiles the schema from a directory that holds {@value #XSD_FILE_NAME} and
     * {@value #DSIG_FILE_NAME}, or from the path of {@value #XSD_FILE_NAME} itself (the signature
     * schema must then sit beside it).
     *
     * @param location the directory or the XSD file, not null
     * @return the compiled schema
     * @throws NullPointerException if {@code location} is null
     * @throws EslogSchemaException if a file is missing or unreadable, or the schema does not compile
     */
    public static EslogSchema load(Path location) {
        Objects.requireNonNull(location, "location");
        Path xsd;
        Path dir;
        try {
            xsd = Files.isDirectory(location) ? location.resolve(XSD_FILE_NAME) : location;
            dir = xsd.toAbsolutePath().getParent();
        } catch (SecurityException | java.io.IOError e) {
            throw new EslogSchemaException("e-SLOG XSD location " + location + " is not accessible: "
                    + Messages.abbreviate(e.getMessage()), e);
        }
        byte[] main = readSchemaFile(xsd, location);
        byte[] dsig = readSchemaFile(dir.resolve(DSIG_FILE_NAME), location);
        return new EslogSchema(xsd, compile(xsd, main, dsig));
    }

    /** @return the XSD file this schema was compiled from, never null */
    public Path xsdFile() {
        return xsdFile;
    }

    /** @return the compiled schema, thread-safe; never null */
    Schema schema() {
        return schema;
    }

    private static byte[] readSchemaFile(Path file, Path location) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new EslogSchemaException("e-SLOG XSD location " + location + " does not contain " + file.getFileName()
                        + ": give the directory that holds " + XSD_FILE_NAME + " and " + DSIG_FILE_NAME, null);
            }
            // A wrong path can name any file: read no more than a schema can be, never the whole of a huge one.
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_SCHEMA_BYTES + 1);
            }
            if (bytes.length > MAX_SCHEMA_BYTES) {
                throw new EslogSchemaException("e-SLOG XSD file " + file + " is larger than " + MAX_SCHEMA_BYTES
                        + " bytes: not the e-SLOG schema (" + XSD_FILE_NAME + " has about 70 kB)", null);
            }
            return bytes;
        } catch (IOException | SecurityException e) {
            throw new EslogSchemaException("e-SLOG XSD file " + file + " is not readable: "
                    + Messages.abbreviate(e.getMessage()), e);
        }
    }

    private static Schema compile(Path xsd, byte[] main, byte[] dsig) {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // Both files arrive through the resolver below, so no external access is needed at all.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // The XSD uses maxOccurs="9999999"; the secure-processing default caps it at 5,000.
            factory.setProperty("jdk.xml.maxOccurLimit", "0");
            // The signature schema declares a few entities in its internal subset; a wrong file may declare more.
            factory.setProperty("jdk.xml.entityExpansionLimit", "10000");
            factory.setProperty("jdk.xml.totalEntitySizeLimit", Integer.toString(MAX_SCHEMA_BYTES));
            factory.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "65536");
            factory.setProperty("jdk.xml.maxElementDepth", "256");
        } catch (SAXException e) {
            throw new EslogSchemaException("the JDK's schema factory lacks a required security setting: "
                    + Messages.abbreviate(e.getMessage()), e);
        }
        String dsigSystemId = xsd.toAbsolutePath().resolveSibling(DSIG_FILE_NAME).toUri().toString();
        factory.setResourceResolver(new OfflineResolver(dsig, dsigSystemId));
        StreamSource source = new StreamSource(new ByteArrayInputStream(main), xsd.toAbsolutePath().toUri().toString());
        try {
            return factory.newSchema(source);
        } catch (SAXException e) {
            throw new EslogSchemaException("e-SLOG XSD " + xsd + " does not compile: " + Messages.abbreviate(e.getMessage()), e);
        }
    }

    /** Serves the signature schema from memory and an empty document for every http(s) id. */
    private static final class OfflineResolver implements LSResourceResolver {
        private final byte[] dsig;
        private final String dsigSystemId;

        OfflineResolver(byte[] dsig, String dsigSystemId) {
            this.dsig = dsig;
            this.dsigSystemId = dsigSystemId;
        }

        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId,
                String baseURI) {
            if (systemId != null && systemId.endsWith(DSIG_FILE_NAME)) {
                return new BytesInput(publicId, dsigSystemId, baseURI, dsig);
            }
            // Anything else (the XMLSchema.dtd DOCTYPE of the signature schema) is served empty: offline by design.
            return new BytesInput(publicId, systemId, baseURI, new byte[0]);
        }
    }

    /** A minimal in-memory {@link LSInput}. */
    private static final class BytesInput implements LSInput {
        private final String publicId;
        private final String systemId;
        private final String baseUri;
        private final byte[] bytes;

        BytesInput(String publicId, String systemId, String baseUri, byte[] bytes) {
            this.publicId = publicId;
            this.systemId = systemId;
            this.baseUri = baseUri;
            this.bytes = bytes;
        }

        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { /* read-only */ }
        @Override public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
        @Override public void setByteStream(InputStream byteStream) { /* read-only */ }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { /* read-only */ }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { /* read-only */ }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { /* read-only */ }
        @Override public String getBaseURI() { return baseUri; }
        @Override public void setBaseURI(String baseURI) { /* read-only */ }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { /* read-only */ }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { /* read-only */ }
    }
}
