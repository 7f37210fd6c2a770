package eu.invoicing.eslog;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.EslogValidation;
import eu.invoicing.core.model.EslogValidationStatus;
import eu.invoicing.eslog.internal.mapping.BusinessRules;
import eu.invoicing.eslog.internal.mapping.DocumentMapper;
import eu.invoicing.eslog.internal.mapping.EslogMapper;
import eu.invoicing.eslog.internal.parse.SecureXmlParser;
import eu.invoicing.eslog.internal.parse.XmlLimits;
import eu.invoicing.eslog.internal.xml.EslogJaxb;
import jakarta.xml.bind.UnmarshallerHandler;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Validates for e-SLOG export: the official XSD (offline, XXE-safe) plus the business rules of
 * docs/eslog.md ("Validation"). The result is the document's {@code eslog} object: {@code valid} or
 * {@code invalid} with every error and its path, and the time from the injected clock. Business-rule
 * paths use the wire format ({@code items[2].quantity}); schema errors give the XML path
 * ({@code /Invoice/M_INVOIC/G_SG26[3]/S_QTY[1]/C_C186/D_6060}) with code {@code xsd}.
 *
 * <p>Immutable and thread-safe (the compiled schema is; each call makes its own validator); share
 * one instance.
 */
public final class EslogValidator {

    private final EslogSchema schema;
    private final Clock clock;
    private final EslogSerializer serializer = new EslogSerializer();

    /**
     * @param schema the compiled official XSD, not null
     * @param clock the source of {@code validated_at}, not null
     * @throws NullPointerException if an argument is null
     */
    public EslogValidator(EslogSchema schema, Clock clock) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The result for a document that was never validated.
     *
     * @return {@code not_validated}, no errors, no time
     */
    public static EslogValidation notValidated() {
        return new EslogValidation(EslogValidationStatus.NOT_VALIDATED, List.of(), null);
    }

    /**
     * Checks the business rules, serializes and validates the XML against the XSD.
     *
     * @param document a calculated document, not null
     * @param context bank account and other e-SLOG data, not null
     * @return valid or invalid with every error
     * @throws NullPointerException if an argument is null
     */
    public EslogValidation validate(Document document, EslogContext context) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(context, "context");
        LinkedHashSet<Violation> errors = new LinkedHashSet<>(BusinessRules.check(document, context));
        byte[] xml = null;
        try {
            xml = serializer.toBytes(document, context);
        } catch (ValidationException e) {
            errors.addAll(e.violations());
        }
        if (xml != null) {
            // the serializer's own output: a large document must not trip the limits meant for received files
            XmlLimits own = XmlLimits.defaults().withDocumentLimits(Math.max(xml.length, 1), Long.MAX_VALUE);
            errors.addAll(XsdValidation.validate(schema, new ByteArrayInputStream(xml), null, own));
        }
        return result(new ArrayList<>(errors));
    }

    /**
     * The checks that need no XSD: the business rules and whether e-SLOG can carry the document (field
     * lengths, rounding, document kind). For hosts that cannot supply the XSD; not a full validation.
     *
     * @param document a calculated document, not null
     * @param context bank account and other e-SLOG data, not null
     * @return every error found, empty when none
     * @throws NullPointerException if an argument is null
     */
    public static List<Violation> checkWithoutSchema(Document document, EslogContext context) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(context, "context");
        LinkedHashSet<Violation> errors = new LinkedHashSet<>(BusinessRules.check(document, context));
        try {
            DocumentMapper.toEslog(document, context);
        } catch (ValidationException e) {
            errors.addAll(e.violations());
        }
        return List.copyOf(errors);
    }

    /**
     * Validates an e-SLOG XML (for example a received one): the XSD, then, when the XML is
     * schema-valid, the business rules on the document read from it.
     *
     * @param xml the XML bytes, not null
     * @param context used when the XML lacks the bank account etc.; not null (use {@link EslogContext#NONE})
     * @return valid or invalid with every error; an unreadable or hostile input is invalid with code
     *         {@code unreadable}
     * @throws NullPointerException if an argument is null
     */
    public EslogValidation validateXml(byte[] xml, EslogContext context) {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(context, "context");
        List<Violation> errors = new ArrayList<>();
        try {
            UnmarshallerHandler handler = EslogJaxb.newUnmarshallerHandler();
            errors.addAll(XsdValidation.validate(schema, new ByteArrayInputStream(xml), handler,
                    SecureXmlParser.DEFAULT_MAX_TEXT_CHARS));
            if (errors.isEmpty()) {
                EslogDocument read = EslogMapper.toDocument(EslogReader.result(handler));
                EslogContext merged = read.context().bankAccount() == null
                        ? read.context().withBankAccount(context.bankAccount()) : read.context();
                errors.addAll(BusinessRules.check(read.document(), merged));
            }
        } catch (EslogReadException e) {
            errors.add(Violation.of("/", "unreadable", e.getMessage()));
        }
        return result(errors);
    }

    private EslogValidation result(List<Violation> errors) {
        return new EslogValidation(errors.isEmpty() ? EslogValidationStatus.VALID : EslogValidationStatus.INVALID,
                errors, clock.instant());
    }
}
