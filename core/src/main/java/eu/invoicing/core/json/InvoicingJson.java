package eu.invoicing.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The snake_case JSON wire format of the reference API: documents, create requests, calculation results,
 * entities and error lists. Also offers a Jackson {@link #module() module} so a host's own
 * {@code ObjectMapper} can (de)serialize {@link Document} and {@link Entity} fields.
 *
 * <p>Reading never throws anything but {@link ValidationException}: malformed JSON, wrong types, unknown
 * fields and missing required values are all reported with their paths. Amounts are written as plain JSON
 * numbers at the scale they carry (never in exponent notation, trailing zeros kept).
 *
 * <p>Stateless and thread-safe.
 */
public final class InvoicingJson {
    /** Largest JSON input accepted, in characters (a document is far smaller). */
    public static final int MAX_INPUT_LENGTH = 16 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Inputs keep the scale they were given (spec/calculation.md): "12.30" must not become 12.3.
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .addModule(module())
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(64).maxStringLength(MAX_INPUT_LENGTH).build());
    }

    private InvoicingJson() {
    }

    /** @return the shared, configured mapper (do not reconfigure it) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @return a Jackson module that serializes {@link Document} and {@link Entity} in the wire format and
     *     deserializes them (failures as {@link ValidationException})
     */
    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("invoicing-wire-format");
        m.addSerializer(Document.class, new JsonSerializer<>() {
            @Override
            public void serialize(Document value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                DocumentJsonWriter.writeDocument(value, gen);
            }
        });
        m.addSerializer(Entity.class, new JsonSerializer<>() {
            @Override
            public void serialize(Entity value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                EntityJson.write(value, gen);
            }
        });
        m.addDeserializer(Document.class, new JsonDeserializer<>() {
            @Override
            public Document deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return readDocument(p.readValueAsTree(), null);
            }
        });
        m.addDeserializer(Entity.class, new JsonDeserializer<>() {
            @Override
            public Entity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return readEntity((JsonNode) p.readValueAsTree());
            }
        });
        return m;
    }

    /**
     * Parses JSON text into a tree.
     *
     * @param json the text, nullable
     * @return the tree
     * @throws ValidationException (path "", code {@code malformed_json}) when the text is not JSON
     */
    public static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw ValidationException.of("", "malformed_json", "the input is empty");
        }
        if (json.length() > MAX_INPUT_LENGTH) {
            throw ValidationException.of("", "too_large", "the input is larger than " + MAX_INPUT_LENGTH + " characters");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw ValidationException.of("", "malformed_json", "not valid JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException | ArithmeticException e) {
            // Jackson parses big decimals eagerly while building the tree; an absurd exponent fails here.
            throw ValidationException.of("", "invalid_number", "a number is not a representable decimal: "
                    + e.getMessage());
        }
    }

    /**
     * Reads a stored or exported document; its kind comes from its id prefix.
     *
     * @param json the text, nullable
     * @return the document
     * @throws ValidationException with every problem found
     */
    public static Document readDocument(String json) {
        return readDocument(parse(json), null);
    }

    /**
     * Reads a document tree.
     *
     * @param node the tree, nullable
     * @param fallback the kind to assume when the document has no id, nullable
     * @return the document
     * @throws ValidationException with every problem found
     */
    public static Document readDocument(JsonNode node, DocumentType fallback) {
        ViolationCollector out = new ViolationCollector();
        Document d = DocumentJsonReader.readDocument(node, fallback, out);
        out.throwIfAny();
        return Objects.requireNonNull(d);
    }

    /**
     * Reads a create / calculate request body of the reference API.
     *
     * @param json the text, nullable
     * @param type the kind being created, not null
     * @return the request
     * @throws ValidationException with every problem found
     */
    public static DocumentRequest readRequest(String json, DocumentType type) {
        return readRequest(parse(json), type);
    }

    /**
     * Reads a request tree.
     *
     * @param node the tree, nullable
     * @param type the kind being created, not null
     * @return the request
     * @throws ValidationException with every problem found
     */
    public static DocumentRequest readRequest(JsonNode node, DocumentType type) {
        Objects.requireNonNull(type, "type");
        ViolationCollector out = new ViolationCollector();
        DocumentRequest r = DocumentJsonReader.readRequest(node, type, out);
        out.throwIfAny();
        return Objects.requireNonNull(r);
    }

    /**
     * @param json the entity JSON, nullable
     * @return the entity
     * @throws ValidationException with every problem found
     */
    public static Entity readEntity(String json) {
        return readEntity(parse(json));
    }

    /**
     * @param node the entity tree, nullable
     * @return the entity
     * @throws ValidationException with every problem found
     */
    public static Entity readEntity(JsonNode node) {
        ViolationCollector out = new ViolationCollector();
        Entity e = EntityJson.read(node, out);
        out.throwIfAny();
        return Objects.requireNonNull(e);
    }

    /**
     * @param document not null
     * @return the document in the wire format
     */
    public static String writeDocument(Document document) {
        return write(g -> DocumentJsonWriter.writeDocument(document, g));
    }

    /**
     * @param document a calculated document, not null
     * @return the {@code POST /documents/calculate} response shape
     */
    public static String writeCalculation(Document document) {
        return write(g -> DocumentJsonWriter.writeCalculation(document, g));
    }

    /**
     * @param entity not null
     * @return the entity in the wire format
     */
    public static String writeEntity(Entity entity) {
        return write(g -> EntityJson.write(entity, g));
    }

    /**
     * @param violations not null
     * @return {@code {"errors":[{"path","code","message"}]}}
     */
    public static String writeErrors(List<Violation> violations) {
        return write(g -> {
            g.writeStartObject();
            g.writeFieldName("errors");
            DocumentJsonWriter.violations(g, violations);
            g.writeEndObject();
        });
    }

    /**
     * Writes a document tree (for embedding in larger responses).
     *
     * @param document not null
     * @return the tree
     */
    public static JsonNode toTree(Document document) {
        return parse(writeDocument(document));
    }

    /**
     * Writes a calculation result tree.
     *
     * @param document not null
     * @return the tree
     */
    public static JsonNode calculationTree(Document document) {
        return parse(writeCalculation(document));
    }

    private interface GeneratorBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(GeneratorBody body) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
