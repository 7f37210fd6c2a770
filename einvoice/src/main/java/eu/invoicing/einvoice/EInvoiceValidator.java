package eu.invoicing.einvoice;

import eu.invoicing.core.ValidationException;
import eu.invoicing.einvoice.EInvoiceRules.Stylesheet;
import eu.invoicing.einvoice.internal.FacturXPdf;
import eu.invoicing.einvoice.internal.Schemas;
import eu.invoicing.einvoice.internal.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates an EN 16931 invoice: detects the syntax from the root element (UBL Invoice, UBL CreditNote or
 * CII), checks the syntax's XML Schema, then runs the official CEN EN 16931 schematron and, for
 * {@link Profile#PEPPOL_BIS_3} and UBL, the Peppol BIS Billing 3.0 rules. Every failed rule is reported
 * with its id, flag, XPath location and message; nothing stops at the first failure.
 *
 * <p>Input is untrusted: a DOCTYPE is refused (no entity of any kind is expanded, nothing external is
 * read), the size is capped ({@link #maxBytes()}), and a document that is not well-formed or not an
 * EN 16931 root gives a result with a {@link RuleSource#XML} failure rather than an exception.
 *
 * <p>Each stylesheet and schema is compiled once, on first use (or in {@link #warmUp()}), and reused:
 * Saxon's {@code XsltExecutable} and the JDK's {@code Schema} are thread-safe. Thread-safe: share one
 * instance per application.
 */
public final class EInvoiceValidator {

    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
    private static final QName FAILED_ASSERT = new QName(SVRL, "failed-assert");
    private static final QName SUCCESSFUL_REPORT = new QName(SVRL, "successful-report");
    private static final QName TEXT = new QName(SVRL, "text");
    private static final QName ID = new QName("id");
    private static final QName FLAG = new QName("flag");
    private static final QName LOCATION = new QName("location");

    private final EInvoiceRules rules;
    private final int maxBytes;
    private final Processor processor = new Processor(false);
    private final Map<Stylesheet, XsltExecutable> stylesheets = new ConcurrentHashMap<>();
    private final Map<Syntax, Schema> schemas = new ConcurrentHashMap<>(new EnumMap<>(Syntax.class));

    /**
     * A validator with the given rules and the default size limit (32 MiB).
     *
     * @param rules where the schematron comes from, not null
     * @throws NullPointerException if rules is null
     */
    public EInvoiceValidator(EInvoiceRules rules) {
        this(rules, SecureXml.DEFAULT_MAX_BYTES);
    }

    /**
     * @param rules where the schematron comes from, not null
     * @param maxBytes the largest document accepted, &gt; 0
     * @throws NullPointerException if rules is null
     * @throws IllegalArgumentException if maxBytes is not positive
     */
    public EInvoiceValidator(EInvoiceRules rules, int maxBytes) {
        this.rules = Objects.requireNonNull(rules, "rules");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes: must be > 0, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        // Parse errors come back as exceptions and end up in the result; Saxon's default reporter would
        // print them to the standard error stream, and a library prints nothing.
        processor.getUnderlyingConfiguration().setErrorReporterFactory(config -> error -> { });
    }

    /** @return a validator with {@link EInvoiceRules#bundled()} */
    public static EInvoiceValidator bundled() {
        return new EInvoiceValidator(EInvoiceRules.bundled());
    }

    /** @return the largest document accepted, in bytes */
    public int maxBytes() {
        return maxBytes;
    }

    /** @return the rules this validator runs */
    public EInvoiceRules rules() {
        return rules;
    }

    /**
     * Compiles every schema and every stylesheet that is present now, instead of on first use.
     *
     * @throws EInvoiceException if one does not compile
     */
    public void warmUp() {
        for (Syntax s : Syntax.values()) {
            schema(s);
        }
        for (Stylesheet s : List.of(rules.cenUbl(), rules.cenCii(), rules.peppolUbl(), rules.xrechnungUbl(),
                rules.xrechnungCii())) {
            if (s.location() != null) {
                executable(s);
            }
        }
    }

    /**
     * @param in the document, not null; read up to {@link #maxBytes()} and not closed
     * @param profile the rule sets to run, not null
     * @return the result
     * @throws NullPointerException if an argument is null
     * @throws EInvoiceException if reading fails, or a rule set needed is absent or broken
     */
    public ValidationResult validate(InputStream in, Profile profile) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(profile, "profile");
        byte[] xml;
        try {
            xml = SecureXml.readBounded(in, maxBytes);
        } catch (SecureXml.TooLargeException e) {
            return xmlFailure(profile, "XML-SIZE", e.getMessage());
        } catch (IOException e) {
            throw new EInvoiceException("reading the document failed: " + e.getMessage(), e);
        }
        return validate(xml, profile);
    }

    /**
     * @param xml the document, not null; a PDF (starting {@code %PDF-}) is a Factur-X / ZUGFeRD hybrid whose
     *        embedded XML is validated (its PDF/A conformance is not checked here); a PDF without one gives a
     *        result with one {@code PDF-ATTACHMENT} failure
     * @param profile the rule sets to run, not null
     * @return the result
     * @throws NullPointerException if an argument is null
     * @throws EInvoiceException if a rule set needed is absent or broken
     */
    public ValidationResult validate(byte[] xml, Profile profile) {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(profile, "profile");
        if (xml.length > maxBytes) {
            return xmlFailure(profile, "XML-SIZE", "the document is larger than " + maxBytes + " bytes");
        }
        if (FacturXPdf.isPdf(xml)) {
            try {
                xml = FacturXPdf.extract(xml, maxBytes);
            } catch (ValidationException e) {
                return xmlFailure(profile, "PDF-ATTACHMENT", e.getMessage());
            }
        }
        XdmNode doc;
        try {
            DocumentBuilder builder = processor.newDocumentBuilder();
            builder.setLineNumbering(true);
            doc = builder.build(new SAXSource(SecureXml.newReader(), new InputSource(new ByteArrayInputStream(xml))));
        } catch (SaxonApiException e) {
            return xmlFailure(profile, "XML-WELLFORMED", "not well-formed or refused XML: " + rootMessage(e));
        }
        XdmNode root = rootElement(doc);
        Syntax syntax = root == null ? null
                : Syntax.ofRoot(root.getNodeName().getNamespace(), root.getNodeName().getLocalName()).orElse(null);
        if (syntax == null) {
            String name = root == null ? "(none)" : root.getNodeName().getClarkName();
            return xmlFailure(profile, "XML-ROOT", "the root element " + name
                    + " is not a UBL 2.1 Invoice or CreditNote nor a CII D16B CrossIndustryInvoice");
        }
        List<String> ran = new ArrayList<>();
        List<RuleFailure> failures = new ArrayList<>();
        ran.add("XSD " + (syntax.isUbl() ? "UBL 2.1" : "CII D16B"));
        failures.addAll(checkSchema(syntax, xml));
        Stylesheet cen = syntax.isUbl() ? rules.cenUbl() : rules.cenCii();
        ran.add(cen.source() + " " + cen.version());
        failures.addAll(runSchematron(cen, doc));
        if (profile == Profile.PEPPOL_BIS_3 && syntax.isUbl()) {
            Stylesheet peppol = rules.peppolUbl();
            ran.add(peppol.source() + " " + peppol.version());
            failures.addAll(runSchematron(peppol, doc));
        }
        if (profile == Profile.XRECHNUNG_3) {
            Stylesheet xr = syntax.isUbl() ? rules.xrechnungUbl() : rules.xrechnungCii();
            ran.add(xr.source() + " " + xr.version());
            failures.addAll(runSchematron(xr, doc));
        }
        return new ValidationResult(syntax, profile, ran, failures);
    }

    private static ValidationResult xmlFailure(Profile profile, String id, String message) {
        return new ValidationResult(null, profile, List.of("XML"),
                List.of(new RuleFailure(RuleSource.XML, id, Flag.FATAL, "", message)));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String where = t instanceof SAXParseException p ? " (line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ")" : "";
        return t.getMessage() + where;
    }

    private static XdmNode rootElement(XdmNode doc) {
        for (XdmNode child : doc.children()) {
            if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
                return child;
            }
        }
        return null;
    }

    private Schema schema(Syntax syntax) {
        return schemas.computeIfAbsent(syntax, s -> {
            try {
                return Schemas.compile(switch (s) {
                    case UBL_INVOICE -> Schemas.UBL_INVOICE;
                    case UBL_CREDIT_NOTE -> Schemas.UBL_CREDIT_NOTE;
                    case CII -> Schemas.CII;
                });
            } catch (IllegalStateException e) {
                throw new EInvoiceException(e.getMessage(), e);
            }
        });
    }

    private List<RuleFailure> checkSchema(Syntax syntax, byte[] xml) {
        List<RuleFailure> out = new ArrayList<>();
        Validator v = schema(syntax).newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new EInvoiceException("the JDK's schema validator refuses the hardening properties", e);
        }
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                out.add(xsd(Flag.WARNING, e));
            }

            @Override
            public void error(SAXParseException e) {
                out.add(xsd(Flag.FATAL, e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                out.add(xsd(Flag.FATAL, e));
            }
        });
        try {
            v.validate(new SAXSource(SecureXml.newReader(), new InputSource(new ByteArrayInputStream(xml))));
        } catch (SAXException e) {
            if (out.isEmpty()) {
                out.add(new RuleFailure(RuleSource.XSD, "XSD", Flag.FATAL, "", String.valueOf(e.getMessage())));
            }
        } catch (IOException e) {
            throw new EInvoiceException("schema validation could not read the document", e);
        }
        return out;
    }

    private static RuleFailure xsd(Flag flag, SAXParseException e) {
        return new RuleFailure(RuleSource.XSD, "XSD", flag, e.getLineNumber() + ":" + e.getColumnNumber(),
                String.valueOf(e.getMessage()));
    }

    private XsltExecutable executable(Stylesheet s) {
        if (s.location() == null) {
            throw new EInvoiceException("rules absent: " + s.description());
        }
        return stylesheets.computeIfAbsent(s, key -> {
            XsltCompiler compiler = processor.newXsltCompiler();
            List<String> errors = new ArrayList<>();
            compiler.setErrorReporter(err -> {
                if (!err.isWarning()) {
                    errors.add(err.getMessage());
                }
            });
            try (InputStream in = key.location().openStream()) {
                return compiler.compile(new StreamSource(in, key.location().toExternalForm()));
            } catch (SaxonApiException | IOException e) {
                throw new EInvoiceException("the " + key.description() + " do not compile: " + e.getMessage()
                        + (errors.isEmpty() ? "" : " " + errors), e);
            }
        });
    }

    private List<RuleFailure> runSchematron(Stylesheet s, XdmNode doc) {
        XsltTransformer t = executable(s).load();
        // The stylesheets' xsl:message output is not the result; a library prints nothing.
        t.setMessageHandler(message -> { });
        XdmDestination svrl = new XdmDestination();
        try {
            t.setInitialContextNode(doc);
            t.setDestination(svrl);
            t.transform();
        } catch (SaxonApiException e) {
            throw new EInvoiceException("the " + s.description() + " failed on this document: " + e.getMessage(), e);
        }
        List<RuleFailure> out = new ArrayList<>();
        collect(svrl.getXdmNode(), s.source(), out);
        return out;
    }

    private static void collect(XdmNode node, RuleSource source, List<RuleFailure> out) {
        for (XdmNode child : node.children()) {
            if (child.getNodeKind() != XdmNodeKind.ELEMENT && child.getNodeKind() != XdmNodeKind.DOCUMENT) {
                continue;
            }
            QName name = child.getNodeName();
            if (FAILED_ASSERT.equals(name) || SUCCESSFUL_REPORT.equals(name)) {
                String text = "";
                for (XdmNode c : child.children()) {
                    if (c.getNodeKind() == XdmNodeKind.ELEMENT && TEXT.equals(c.getNodeName())) {
                        text = c.getStringValue().strip().replaceAll("\\s+", " ");
                    }
                }
                String id = child.getAttributeValue(ID);
                String location = child.getAttributeValue(LOCATION);
                out.add(new RuleFailure(source, id == null ? "" : id, Flag.ofSchematron(child.getAttributeValue(FLAG)),
                        location == null ? "" : location, text));
            } else {
                collect(child, source, out);
            }
        }
    }
}
