package eu.invoicing.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.util.VersionUtil;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Jackson module of the wire format: registered in a host's own {@code ObjectMapper}, it (de)serializes
 * {@link Document} (any of the five kinds) and {@link Entity} values exactly as {@link InvoicingJson} does,
 * so that they can be fields of the host's own beans.
 *
 * <p>Reading does not depend on the host mapper's configuration: decimals keep every digit and their scale
 * even when the mapper reads floats as doubles ({@code USE_BIG_DECIMAL_FOR_FLOATS} off, Jackson's default),
 * duplicate keys are refused, and every problem is a {@link ValidationException} with its paths (a host
 * mapper may wrap it when the document is a property of one of its own beans). Writing keeps the scale of
 * every amount and never uses exponent notation, whatever the mapper's {@code WRITE_BIGDECIMAL_AS_PLAIN}.
 *
 * <p>Registration: {@code mapper.registerModule(new InvoicingModule())} (or {@link InvoicingJson#module()});
 * the module is also a {@code java.util.ServiceLoader} provider of {@link Module} (the module descriptor's
 * {@code provides} and {@code META-INF/services}), so {@code ObjectMapper.findAndRegisterModules()} finds it.
 * Registering it twice is a no-op (one {@linkplain #getTypeId() type id}).
 *
 * <p>Immutable and thread-safe; it keeps no state, so one instance can serve any number of mappers.
 */
public final class InvoicingModule extends Module {
    /** The {@linkplain #getModuleName() module name}. */
    public static final String NAME = "InvoicingModule";

    private static final Version VERSION = readVersion();

    /** A new module (a {@code ServiceLoader} provider needs the public no-argument constructor). */
    public InvoicingModule() {
    }

    /** @return {@value #NAME} */
    @Override
    public String getModuleName() {
        return NAME;
    }

    /**
     * @return the version of {@code eu.invoicing:invoicing-core} this module belongs to, written by the build;
     *     {@link Version#unknownVersion()} only if the build's version resource is missing
     */
    @Override
    public Version version() {
        return VERSION;
    }

    @Override
    public void setupModule(SetupContext context) {
        SimpleSerializers serializers = new SimpleSerializers();
        serializers.addSerializer(new DocumentSerializer());
        serializers.addSerializer(new EntitySerializer());
        context.addSerializers(serializers);
        SimpleDeserializers deserializers = new SimpleDeserializers();
        deserializers.addDeserializer(Document.class, new DocumentDeserializer());
        deserializers.addDeserializer(Entity.class, new EntityDeserializer());
        context.addDeserializers(deserializers);
    }

    /** The value at a host parser's current token, read by the library's rules rather than the host mapper's. */
    private static JsonNode tree(JsonParser p) throws IOException {
        ViolationCollector out = new ViolationCollector();
        JsonNode tree = JsonTreeReader.read(p, false, out);
        out.throwIfAny();
        return tree;
    }

    /**
     * Turns on plain decimals for the value being written (a host generator may write {@code 1E-7}); the
     * feature is per generator, so this touches no other writer.
     *
     * @return whether the generator already wrote plain decimals
     */
    private static boolean plainDecimals(JsonGenerator gen) {
        boolean was = gen.isEnabled(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        if (!was) {
            gen.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        }
        return was;
    }

    private static void restore(JsonGenerator gen, boolean plain) {
        if (!plain) {
            gen.disable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        }
    }

    private static Version readVersion() {
        Properties p = new Properties();
        try (InputStream in = InvoicingModule.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return Version.unknownVersion();
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version of " + NAME, e);
        }
        String version = p.getProperty("version", "");
        if (version.isBlank() || version.contains("${")) {
            return Version.unknownVersion();
        }
        return VersionUtil.parseVersion(version, p.getProperty("groupId"), p.getProperty("artifactId"));
    }

    /** Writes a document of any kind in the wire format. */
    private static final class DocumentSerializer extends StdSerializer<Document> {
        private static final long serialVersionUID = 1L;

        DocumentSerializer() {
            super(Document.class);
        }

        @Override
        public void serialize(Document value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            boolean plain = plainDecimals(gen);
            try {
                DocumentJsonWriter.writeDocument(value, gen);
            } finally {
                restore(gen, plain);
            }
        }
    }

    /** Writes an entity in the wire format. */
    private static final class EntitySerializer extends StdSerializer<Entity> {
        private static final long serialVersionUID = 1L;

        EntitySerializer() {
            super(Entity.class);
        }

        @Override
        public void serialize(Entity value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            boolean plain = plainDecimals(gen);
            try {
                EntityJson.write(value, gen);
            } finally {
                restore(gen, plain);
            }
        }
    }

    /** Reads a document; its kind comes from its id prefix. */
    private static final class DocumentDeserializer extends StdDeserializer<Document> {
        private static final long serialVersionUID = 1L;

        DocumentDeserializer() {
            super(Document.class);
        }

        @Override
        public Document deserialize(JsonParser p, DeserializationContext context) throws IOException {
            return InvoicingJson.readDocument(tree(p), null);
        }
    }

    /** Reads an entity. */
    private static final class EntityDeserializer extends StdDeserializer<Entity> {
        private static final long serialVersionUID = 1L;

        EntityDeserializer() {
            super(Entity.class);
        }

        @Override
        public Entity deserialize(JsonParser p, DeserializationContext context) throws IOException {
            return InvoicingJson.readEntity(tree(p));
        }
    }
}
