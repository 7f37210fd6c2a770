package eu.invoicing.eslog;

import eu.invoicing.core.Violation;
import eu.invoicing.eslog.internal.parse.ElementPathTracker;
import eu.invoicing.eslog.internal.parse.Messages;
import eu.invoicing.eslog.internal.parse.SecureXmlParser;
import eu.invoicing.eslog.internal.parse.XmlLimits;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Validates XML against the compiled e-SLOG schema in one streaming pass through the hardened
 * parser, optionally feeding the same events on to another handler (the JAXB unmarshaller), and
 * collects every schema error with the element path where it occurred.
 *
 * <p>Stateless and thread-safe.
 */
final class XsdValidation {

    /** Violation code of a schema error. */
    static final String CODE = "xsd";
    /** After this many schema errors the rest are summarised, to bound the report of a hostile file. */
    static final int MAX_ERRORS = 100;

    private XsdValidation() {
    }

    /**
     * @param schema the compiled schema, not null
     * @param xml the XML, not null
     * @param downstream receives the events after validation, nullable
     * @param maxTextChars the text-node limit (the other limits are the defaults)
     * @return every schema error, empty when valid
     * @throws EslogReadException if the input is refused or not well-formed
     */
    static List<Violation> validate(EslogSchema schema, InputStream xml, ContentHandler downstream, int maxTextChars) {
        return validate(schema, xml, downstream, XmlLimits.defaults().withMaxTextChars(maxTextChars));
    }

    /**
     * @param schema the compiled schema, not null
     * @param xml the XML, not null
     * @param downstream receives the events after validation, nullable
     * @param limits the caps on the input, not null
     * @return every schema error, empty when valid; each message quotes input only as a short prefix
     * @throws EslogReadException if the input is refused or not well-formed
     */
    static List<Violation> validate(EslogSchema schema, InputStream xml, ContentHandler downstream, XmlLimits limits) {
        ValidatorHandler validator = schema.schema().newValidatorHandler();
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new EslogSchemaException("the JDK's validator lacks a required security setting: "
                    + Messages.abbreviate(e.getMessage()), e);
        }
        validator.setContentHandler(downstream == null ? new DefaultHandler() : downstream);
        ElementPathTracker tracker = new ElementPathTracker(validator);
        Collector collector = new Collector(tracker);
        validator.setErrorHandler(collector);
        SecureXmlParser.parse(xml, tracker, limits);
        return collector.result();
    }

    private static final class Collector implements ErrorHandler {
        private final ElementPathTracker tracker;
        private final List<Violation> errors = new ArrayList<>();
        private int dropped;

        Collector(ElementPathTracker tracker) {
            this.tracker = tracker;
        }

        @Override
        public void warning(SAXParseException exception) {
            // schema warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException exception) {
            add(exception);
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            add(exception);
            throw exception;
        }

        private void add(SAXParseException e) {
            if (errors.size() >= MAX_ERRORS) {
                dropped++;
                return;
            }
            // the JDK quotes the offending value whole (cvc-maxLength-valid: Value 'aaaa...'): cut it
            errors.add(Violation.of(Messages.abbreviate(tracker.currentPath()), CODE, Messages.abbreviate(e.getMessage())
                    + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")"));
        }

        List<Violation> result() {
            if (dropped > 0) {
                errors.add(Violation.of("/", CODE, dropped + " further schema errors not listed"));
            }
            return List.copyOf(errors);
        }
    }
}
