package eu.invoicing.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.spi.Customer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The snake_case JSON wire format of the reference API: documents, create requests, calculation results,
 * entities and error lists. A host's own {@code ObjectMapper} gets the same format for {@link Document} and
 * {@link Entity} fields from the {@link InvoicingModule} ({@link #module()}); {@link #reader()} and
 * {@link #writer()} are the library's own configuration, as immutable Jackson objects.
 *
 * <p>Reading never throws anything but {@link ValidationException}: malformed JSON, wrong types, unknown
 * fields and missing required values are all reported with their paths. Amounts are written as plain JSON
 * numbers at the scale they carry (never in exponent notation, trailing zeros kept).
 *
 * <p>Stateless and thread-safe. The library's {@code ObjectMapper} is never handed out (a mapper can be
 * reconfigured by whoever holds it); its immutable {@link ObjectReader} and {@link ObjectWriter} are.
 */
public final class InvoicingJson {
    /** Largest JSON input accepted, in characters (a document is far smaller). */
    public static final int MAX_INPUT_LENGTH = 16 * 1024 * 1024;

    /**
     * Parsers and generators of the library's own reading and writing. The library's own, tighter limits
     * (nesting, number length) are applied with a path and a message of ours by JsonTreeReader; the parser's
     * limits are only a backstop above them.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(4 * JsonTreeReader.MAX_DEPTH).maxNumberLength(16 * JsonTreeReader.MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_INPUT_LENGTH).build())
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** Configured once, here; only its immutable reader and writer leave this class. */
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Inputs keep the scale they were given (docs/wire-format.md, "Reading"): "12.30" must not become 12.3.
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new InvoicingModule())
            .build();

    private static final ObjectReader READER = MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectWriter WRITER = MAPPER.writer();

    private InvoicingJson() {
    }

    /**
     * The library's reader, for values of a host's own types that hold documents or entities, and for trees:
     * decimals as exact {@code BigDecimal} with their scale, duplicate keys refused, trailing tokens and
     * {@code NaN} refused, the {@link InvoicingModule} registered. An {@link ObjectReader} is immutable and
     * thread-safe; {@code with(...)} and {@code forType(...)} return new readers. Reading a {@link Document}
     * or {@link Entity} through it applies every check of {@link #readDocument(String)}; for a checked tree
     * with paths in its errors, prefer {@link #parse(String)}.
     *
     * @return the shared reader, not null
     */
    public static ObjectReader reader() {
        return READER;
    }

    /**
     * The library's writer: amounts as plain numbers at their scale, documents and entities in the wire format
     * (the {@link InvoicingModule} registered). An {@link ObjectWriter} is immutable and thread-safe;
     * {@code with(...)} returns a new writer.
     *
     * @return the shared writer, not null
     */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /**
     * The Jackson module of the wire format, for a host's own {@code ObjectMapper}:
     * {@code mapper.registerModule(InvoicingJson.module())}; the same as {@code new InvoicingModule()}, which
     * {@code ObjectMapper.findAndRegisterModules()} also finds. Reading does not depend on the host mapper's
     * configuration (exact decimals with their scale, duplicate keys refused, failures as
     * {@link ValidationException}).
     *
     * @return a module that serializes {@link Document} and {@link Entity} in the wire format and deserializes
     *     them, not null
     */
    public static InvoicingModule module() {
        return new InvoicingModule();
    }

    /**
     * Parses JSON text into a tree.
     *
     * @param json the text, nullable
     * @return the tree
     * @throws ValidationException when the text is not JSON (path "", code {@code malformed_json}, with line
     *     and column), repeats a key in an object ({@code duplicate_key} at the key's path), nests deeper than
     *     64 levels ({@code too_deep}) or holds a number that is not a representable decimal
     *     ({@code invalid_number}, {@code out_of_range})
     */
    public static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw ValidationException.of("", "malformed_json", "the input is empty");
        }
        if (json.length() > MAX_INPUT_LENGTH) {
            throw ValidationException.of("", "too_large", "the input is larger than " + MAX_INPUT_LENGTH + " characters");
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            ViolationCollector out = new ViolationCollector();
            JsonNode tree = JsonTreeReader.read(p, true, out);
            out.throwIfAny();
            return tree;
        } catch (IOException e) {
            // A String source cannot fail to be read; malformed JSON is reported by JsonTreeReader.
            throw new UncheckedIOException(e);
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
     * Reads a create / calculate / update request body of the reference API. Fields that only the library
     * sets (fiscal outcomes, the VAT check, trash and void state, payment ids, ...) are refused with code
     * {@code read_only}; fields it assigns or recalculates anyway are read and later replaced
     * (docs/wire-format.md, "Requests and server-owned fields").
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
     * Reads a customer's data: the reference's customer object ({@code name}, {@code address}, ...,
     * {@code tax_number}); unknown keys are refused.
     *
     * @param node the object, nullable
     * @param path the path errors are reported at ({@code ""} for the top level), not null
     * @return the data
     * @throws ValidationException with every problem found
     */
    public static Party readParty(JsonNode node, String path) {
        ViolationCollector out = new ViolationCollector();
        Party p = DocumentJsonReader.party(JsonObjectReader.of(node, path, out));
        out.throwIfAny();
        return Objects.requireNonNull(p);
    }

    /**
     * Writes a stored customer: {@code id}, {@code entity_id} and its data in the customer object's keys.
     *
     * @param customer not null
     * @return the tree
     */
    public static JsonNode customerTree(Customer customer) {
        com.fasterxml.jackson.databind.node.ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode();
        out.put("id", customer.id());
        out.put("entity_id", customer.entityId());
        out.setAll((com.fasterxml.jackson.databind.node.ObjectNode) parse(write(g -> DocumentJsonWriter.party(g,
                customer.details()))));
        return out;
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
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
