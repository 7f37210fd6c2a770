package eu.invoicing.einvoice;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.calc.CalculationOptions;
import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.PartyIdentifier;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.einvoice.internal.FacturXPdf;
import eu.invoicing.einvoice.internal.SecureXml;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import org.xml.sax.InputSource;

/**
 * Reads a received EN 16931 e-invoice (UBL 2.1 Invoice or CreditNote, CII D16B) into the library's
 * document, so that a host can import it. The result ({@link ImportResult}) holds the document as read
 * (its inputs: parties, lines with quantity, unit, net price, VAT rate, discounts, dates, references),
 * the engine's recalculation of it, every business term the document could not carry, and every figure
 * where the recalculation differs from the file (the file's totals are never silently replaced).
 *
 * <p>Input is untrusted and parsed as by {@link EInvoiceValidator}: no DOCTYPE, no external access,
 * bounded size. The reader does not validate: run {@link EInvoiceValidator} first to know whether the
 * file conforms. Thread-safe (its compiled XPath expressions are shared); share one instance.
 */
public final class EInvoiceReader {

    private static final Map<String, String> NAMESPACES = Map.of(
            "cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
            "cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
            "rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
            "ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
            "udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
            "qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:100");

    /** The id of the entity an import recalculates with (the seller is not one of the host's entities). */
    public static final String IMPORT_ENTITY_ID = "ent_import";

    private static final int NOTE_VALUE_LIMIT = 200;

    private final Processor processor = new Processor(false);
    private final XPathCompiler compiler;
    private final Map<String, XPathExecutable> compiled = new ConcurrentHashMap<>();
    private final CalculationEngine engine;
    private final int maxBytes;

    /** A reader with the default engine and the default size limit (32 MiB). */
    public EInvoiceReader() {
        this(CalculationEngine.withDefaults(), SecureXml.DEFAULT_MAX_BYTES);
    }

    /**
     * @param engine the engine that recalculates the imported document, not null
     * @param maxBytes the largest document accepted, &gt; 0
     * @throws NullPointerException if engine is null
     * @throws IllegalArgumentException if maxBytes is not positive
     */
    public EInvoiceReader(CalculationEngine engine, int maxBytes) {
        this.engine = Objects.requireNonNull(engine, "engine");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes: must be > 0, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        processor.getUnderlyingConfiguration().setErrorReporterFactory(config -> error -> { });
        compiler = processor.newXPathCompiler();
        NAMESPACES.forEach(compiler::declareNamespace);
    }

    /**
     * @param xml the e-invoice, not null; a PDF (starting {@code %PDF-}) is a Factur-X / ZUGFeRD hybrid whose
     *        embedded {@code factur-x.xml} is read
     * @return the document, the recalculation and the report
     * @throws NullPointerException if xml is null
     * @throws ValidationException when the file cannot be read as an EN 16931 invoice: path {@code xml}
     *         (not well-formed, refused, too large, unknown root), or the XPath of each value that is not a
     *         date or a number where one must be; path {@code pdf} when a PDF has no e-invoice attached
     */
    public ImportResult read(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        if (xml.length > maxBytes) {
            throw ValidationException.of("xml", "too_large", "the document is larger than " + maxBytes + " bytes");
        }
        if (FacturXPdf.isPdf(xml)) {
            xml = FacturXPdf.extract(xml, maxBytes);
        }
        XdmNode doc;
        try {
            DocumentBuilder builder = processor.newDocumentBuilder();
            doc = builder.build(new SAXSource(SecureXml.newReader(), new InputSource(new ByteArrayInputStream(xml))));
        } catch (SaxonApiException e) {
            throw ValidationException.of("xml", "not_well_formed", "not well-formed or refused XML: " + e.getMessage());
        }
        XdmNode root = (XdmNode) first(doc, "*");
        Syntax syntax = root == null ? null
                : Syntax.ofRoot(root.getNodeName().getNamespace(), root.getNodeName().getLocalName()).orElse(null);
        if (syntax == null) {
            throw ValidationException.of("xml", "unknown_root", "the root element is not a UBL 2.1 Invoice or CreditNote"
                    + " nor a CII D16B CrossIndustryInvoice");
        }
        return new Import(this, root, syntax).run();
    }

    // ------------------------------------------------------------------ XPath helpers

    XdmValue select(XdmItem context, String xpath) {
        XPathExecutable exe = compiled.computeIfAbsent(xpath, x -> {
            try {
                return compiler.compile(x);
            } catch (SaxonApiException e) {
                throw new EInvoiceException("internal XPath does not compile: " + x, e);
            }
        });
        try {
            XPathSelector s = exe.load();
            s.setContextItem(context);
            return s.evaluate();
        } catch (SaxonApiException e) {
            throw new EInvoiceException("internal XPath failed: " + xpath, e);
        }
    }

    XdmItem first(XdmItem context, String xpath) {
        XdmValue v = select(context, xpath);
        return v.size() == 0 ? null : v.itemAt(0);
    }

    String text(XdmItem context, String xpath) {
        XdmItem i = first(context, xpath);
        if (i == null) {
            return null;
        }
        String s = i.getStringValue().strip();
        return s.isEmpty() ? null : s;
    }

    CalculationEngine engine() {
        return engine;
    }

    /** One import: the state of reading one file. Single-thread. */
    private static final class Import {
        private final EInvoiceReader r;
        private final XdmNode root;
        private final Syntax syntax;
        private final boolean ubl;
        private final ViolationCollector problems = new ViolationCollector();
        private final List<ImportNote> notes = new ArrayList<>();

        Import(EInvoiceReader r, XdmNode root, Syntax syntax) {
            this.r = r;
            this.root = root;
            this.syntax = syntax;
            this.ubl = syntax.isUbl();
        }

        ImportResult run() {
            String currencyCode = ubl ? r.text(root, "cbc:DocumentCurrencyCode")
                    : r.text(root, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceCurrencyCode");
            CurrencyCode currency = currencyCode == null ? null : CurrencyCode.lookup(currencyCode);
            if (currency == null) {
                problems.add(ubl ? "/*/cbc:DocumentCurrencyCode" : "//ram:InvoiceCurrencyCode", "unknown_currency",
                        "the invoice currency (BT-5) must be an ISO 4217 code, was " + Violation.quote(currencyCode));
                problems.throwIfAny();
            }
            String typeCode = ubl ? r.text(root, syntax == Syntax.UBL_CREDIT_NOTE ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode")
                    : r.text(root, "rsm:ExchangedDocument/ram:TypeCode");
            DocumentType type = type(typeCode);
            Document.Builder b = Document.builder(type).currency(currency);
            b.number(ubl ? r.text(root, "cbc:ID") : r.text(root, "rsm:ExchangedDocument/ram:ID"));
            b.date(date(ubl ? "cbc:IssueDate" : "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"));
            String set = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement";
            String agr = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement";
            b.dateDue(date(ubl ? "(cbc:DueDate | cac:PaymentMeans/cbc:PaymentDueDate)[1]"
                    : set + "/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"));
            // The invoicing period (BG-14) and delivery date (BT-72) go to invoice_period and delivery, not to
            // date_service / date_service_to; notes with a subject (BT-21) to notes, the others to note.
            TradeDetailsReader trade = new TradeDetailsReader(r, root, ubl, problems);
            List<String> texts = new ArrayList<>();
            b.references(trade.references()).tradeDetails(trade.tradeDetails(texts));
            if (!texts.isEmpty()) {
                b.note(String.join("\n", texts));
            }
            b.paymentTerms(ubl ? r.text(root, "cac:PaymentTerms/cbc:Note") : r.text(root, set + "/ram:SpecifiedTradePaymentTerms/ram:Description"));
            b.taxClause(ubl ? r.text(root, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason")
                    : r.text(root, set + "/ram:ApplicableTradeTax/ram:ExemptionReason"));
            XdmItem sellerNode = r.first(root, ubl ? "cac:AccountingSupplierParty/cac:Party" : agr + "/ram:SellerTradeParty");
            XdmItem buyerNode = r.first(root, ubl ? "cac:AccountingCustomerParty/cac:Party" : agr + "/ram:BuyerTradeParty");
            Party seller = sellerNode == null ? Party.builder().build() : party(sellerNode, "BT-29");
            Party buyer = buyerNode == null ? null : party(buyerNode, "BT-46");
            b.issuer(seller).customer(buyer);

            RoundingPolicy money = RoundingPolicy.of(currency);
            List<LineItem> items = new ArrayList<>();
            List<BigDecimal> statedLineNets = new ArrayList<>();
            int index = 0;
            for (XdmItem line : r.select(root, ubl ? "cac:InvoiceLine | cac:CreditNoteLine"
                    : "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem")) {
                items.add(line(line, index++, money, statedLineNets));
            }
            b.items(items);
            String documentLevel = ubl ? "cac:AllowanceCharge" : set + "/ram:SpecifiedTradeAllowanceCharge";
            String indicator = ubl ? "normalize-space(cbc:ChargeIndicator)" : "normalize-space(ram:ChargeIndicator/udt:Indicator)";
            b.allowances(allowanceCharges(root, documentLevel + "[" + indicator + " = ('false', '0')]", true));
            b.charges(allowanceCharges(root, documentLevel + "[" + indicator + " = ('true', '1')]", true));
            BigDecimal prepaid = amount(ubl ? "cac:LegalMonetaryTotal/cbc:PrepaidAmount"
                    : set + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TotalPrepaidAmount");
            BigDecimal rounding = amount(ubl ? "cac:LegalMonetaryTotal/cbc:PayableRoundingAmount"
                    : set + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:RoundingAmount");
            b.roundingCorrection(rounding == null || rounding.signum() == 0 ? null : rounding);
            if (prepaid != null && prepaid.signum() != 0) {
                b.payments(List.of(new Payment(null, null, prepaid, PaymentType.ADVANCE, b.date(), null, null, null, null, null)));
            }
            unsupported();
            problems.throwIfAny();
            Document draft = b.build();

            String iban = ubl ? r.text(root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID")
                    : r.text(root, set + "/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount/ram:IBANID");
            String bic = ubl ? r.text(root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID")
                    : r.text(root, set + "/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID");
            Entity entity = entity(seller, currency, iban, bic);

            Document recalculated = null;
            List<Violation> refused = List.of();
            try {
                recalculated = r.engine().calculate(draft, entity);
                recalculated = withRounding(recalculated, draft, entity);
            } catch (ValidationException e) {
                refused = e.violations();
            }
            List<TotalDifference> differences = new ArrayList<>();
            if (recalculated != null) {
                compare(recalculated, statedLineNets, differences);
            }
            return new ImportResult(syntax, draft, entity, recalculated, refused, notes, differences);
        }

        /**
         * BT-114: the engine's rounding correction of the file's rounding amount, when the engine accepts it
         * (at most one minor unit per line, docs/calculation.md); else reported as not carried.
         */
        private Document withRounding(Document calc, Document draft, Entity entity) {
            String at = ubl ? "cac:LegalMonetaryTotal/cbc:PayableRoundingAmount"
                    : "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
                    + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:RoundingAmount";
            BigDecimal rounding = draft.roundingCorrection();
            if (rounding == null || rounding.signum() == 0) {
                return calc;
            }
            try {
                return r.engine().calculate(draft, entity, new CalculationOptions(calc.totalWithTax().add(rounding)));
            } catch (ValidationException e) {
                for (XdmItem n : r.select(root, at)) {
                    notes.add(new ImportNote("BT-114", path(n), value(n), "not carried: the engine's rounding correction"
                            + " is at most one minor unit per line (" + e.getMessage() + ")"));
                }
                return calc;
            }
        }

        private LineItem line(XdmItem line, int index, RoundingPolicy money, List<BigDecimal> statedNets) {
            String price = ubl ? "cac:Price" : "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice";
            String name = ubl ? r.text(line, "cac:Item/cbc:Name") : r.text(line, "ram:SpecifiedTradeProduct/ram:Name");
            LineItem.Builder b = LineItem.builder().name(name)
                    .description(ubl ? r.text(line, "cac:Item/cbc:Description") : r.text(line, "ram:SpecifiedTradeProduct/ram:Description"))
                    .itemId(ubl ? r.text(line, "cac:Item/cac:SellersItemIdentification/cbc:ID")
                            : r.text(line, "ram:SpecifiedTradeProduct/ram:SellerAssignedID"));
            String quantityPath = ubl ? "(cbc:InvoicedQuantity | cbc:CreditedQuantity)[1]" : "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity";
            BigDecimal quantity = number(line, quantityPath);
            b.quantity(quantity);
            b.unit(r.text(line, quantityPath + "/@unitCode"));
            BigDecimal net = number(line, price + (ubl ? "/cbc:PriceAmount" : "/ram:ChargeAmount"));
            b.price(net);
            String category = ubl ? r.text(line, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID")
                    : r.text(line, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode");
            BigDecimal rate = number(line, ubl ? "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"
                    : "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent");
            TaxCategory known = category == null ? null : WireValues.parse(TaxCategory.class, category.strip()).orElse(null);
            if (known == null) {
                b.taxes(List.of(LineTax.ofRate(rate == null ? BigDecimal.ZERO : rate)));
                if (category != null) {
                    note("BT-151", line, ubl ? "cac:Item/cac:ClassifiedTaxCategory/cbc:ID"
                            : "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode",
                            "not carried: " + category + " is no EN 16931 VAT category, the line keeps its rate "
                                    + (rate == null ? "0" : rate.toPlainString()));
                }
            } else {
                // The exemption reason is stated once per VAT breakdown (BG-23); each line of that category
                // carries it, so that writing the document back states it again.
                String breakdown = ubl ? "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory[normalize-space(cbc:ID) = '"
                        + known.name() + "']" : "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
                        + "/ram:ApplicableTradeTax[normalize-space(ram:CategoryCode) = '" + known.name() + "']";
                XdmItem root = r.first(line, "/*");
                String reason = root == null ? null : r.text(root, breakdown + (ubl ? "/cbc:TaxExemptionReason" : "/ram:ExemptionReason"));
                String reasonCode = root == null ? null : r.text(root, breakdown
                        + (ubl ? "/cbc:TaxExemptionReasonCode" : "/ram:ExemptionReasonCode"));
                b.taxes(List.of(new LineTax(rate == null ? BigDecimal.ZERO : rate, null, null,
                        null, null, known == TaxCategory.AE ? Boolean.TRUE : null, known, reason, reasonCode)));
            }
            String allowances = ubl ? "cac:AllowanceCharge[normalize-space(cbc:ChargeIndicator) = ('false', '0')]/cbc:Amount"
                    : "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge[normalize-space(ram:ChargeIndicator/udt:Indicator) = ('false', '0')]/ram:ActualAmount";
            BigDecimal discount = BigDecimal.ZERO;
            for (XdmItem a : r.select(line, allowances)) {
                discount = discount.add(parse(a.getStringValue(), (XdmNode) a));
            }
            List<AllowanceCharge> charges = allowanceCharges(line, ubl ? "cac:AllowanceCharge[normalize-space(cbc:ChargeIndicator) = ('true', '1')]"
                    : "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge[normalize-space(ram:ChargeIndicator/udt:Indicator) = ('true', '1')]",
                    false);
            BigDecimal charged = BigDecimal.ZERO;
            for (AllowanceCharge c : charges) {
                charged = c.amount() == null ? charged : charged.add(c.amount());
            }
            BigDecimal statedNet = number(line, ubl ? "cbc:LineExtensionAmount"
                    : "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount");
            b.details(LineDetailsReader.read(r, ubl, line, this::number, this::date,
                    new LineDetailsReader.StatedLine(quantity, net, discount, charged, statedNet, money), notes));
            // A negative line's allowance is negative too (it moves the line towards zero, BR-LIN): the model's
            // discount is its size.
            BigDecimal carried = quantity != null && quantity.signum() < 0 ? discount.negate() : discount;
            if (carried.signum() > 0) {
                b.discount(Discount.amount(carried));
            } else if (carried.signum() < 0) {
                note("BT-136", line, allowances, "not carried: an allowance that moves the line away from zero");
            }
            b.charges(charges);
            statedNets.add(statedNet);
            return b.build();
        }

        /** BG-20 / BG-21 (with their VAT category and rate) or BG-28: amount, base, percent, reason and code. */
        private List<AllowanceCharge> allowanceCharges(XdmItem context, String xpath, boolean documentLevel) {
            List<AllowanceCharge> out = new ArrayList<>();
            for (XdmItem n : r.select(context, xpath)) {
                BigDecimal rate = null;
                TaxCategory category = null;
                if (documentLevel) {
                    String code = r.text(n, ubl ? "cac:TaxCategory/cbc:ID" : "ram:CategoryTradeTax/ram:CategoryCode");
                    category = code == null ? null : WireValues.parse(TaxCategory.class, code).orElse(null);
                    rate = number(n, ubl ? "cac:TaxCategory/cbc:Percent" : "ram:CategoryTradeTax/ram:RateApplicablePercent");
                    if (rate == null && code != null) {
                        rate = BigDecimal.ZERO;
                    }
                    if (code != null && category == null) {
                        note("BT-95", n, ubl ? "cac:TaxCategory/cbc:ID" : "ram:CategoryTradeTax/ram:CategoryCode",
                                "not carried: " + code + " is no EN 16931 VAT category, the entry keeps its rate");
                    }
                }
                BigDecimal percent = number(n, ubl ? "cbc:MultiplierFactorNumeric" : "ram:CalculationPercent");
                out.add(new AllowanceCharge(number(n, ubl ? "cbc:Amount" : "ram:ActualAmount"), percent,
                        percent == null ? null : number(n, ubl ? "cbc:BaseAmount" : "ram:BasisAmount"),
                        r.text(n, ubl ? "cbc:AllowanceChargeReason" : "ram:Reason"),
                        r.text(n, ubl ? "cbc:AllowanceChargeReasonCode" : "ram:ReasonCode"), rate, category));
            }
            return out;
        }

        private void compare(Document calc, List<BigDecimal> statedNets, List<TotalDifference> out) {
            int lineNo = 0;
            for (LineItem item : calc.items()) {
                BigDecimal stated = lineNo < statedNets.size() ? statedNets.get(lineNo) : null;
                if (stated != null && item.total() != null && stated.compareTo(item.total()) != 0) {
                    out.add(new TotalDifference("BT-131", "line " + (lineNo + 1) + " net amount", stated, item.total()));
                }
                lineNo++;
            }
            String sum = ubl ? "cac:LegalMonetaryTotal/" : "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
                    + "ram:SpecifiedTradeSettlementHeaderMonetarySummation/";
            BigDecimal tax = BigDecimal.ZERO;
            for (var s : calc.taxes()) {
                tax = tax.add(s.taxAmount());
            }
            BigDecimal roundingCorrection = calc.roundingCorrection() == null ? BigDecimal.ZERO : calc.roundingCorrection();
            BigDecimal allowances = calc.totalAllowances() == null ? BigDecimal.ZERO : calc.totalAllowances();
            BigDecimal charges = calc.totalCharges() == null ? BigDecimal.ZERO : calc.totalCharges();
            diff(out, "BT-106", "sum of line net amounts", amount(sum + (ubl ? "cbc:LineExtensionAmount" : "ram:LineTotalAmount")),
                    calc.total().add(allowances).subtract(charges));
            diff(out, "BT-107", "sum of allowances", amount(sum + (ubl ? "cbc:AllowanceTotalAmount" : "ram:AllowanceTotalAmount")),
                    allowances);
            diff(out, "BT-108", "sum of charges", amount(sum + (ubl ? "cbc:ChargeTotalAmount" : "ram:ChargeTotalAmount")),
                    charges);
            diff(out, "BT-109", "total without VAT", amount(sum + (ubl ? "cbc:TaxExclusiveAmount" : "ram:TaxBasisTotalAmount")), calc.total());
            String cur = calc.currency().code();
            diff(out, "BT-110", "total VAT", amount(ubl ? "cac:TaxTotal/cbc:TaxAmount[@currencyID = '" + cur + "']"
                    : sum + "ram:TaxTotalAmount[@currencyID = '" + cur + "']"), tax);
            diff(out, "BT-112", "total with VAT", amount(sum + (ubl ? "cbc:TaxInclusiveAmount" : "ram:GrandTotalAmount")),
                    calc.totalWithTax().subtract(roundingCorrection));
            diff(out, "BT-115", "amount due", amount(sum + (ubl ? "cbc:PayableAmount" : "ram:DuePayableAmount")),
                    calc.totalDue() == null ? calc.totalWithTax() : calc.totalDue());
        }

        private static void diff(List<TotalDifference> out, String term, String label, BigDecimal stated, BigDecimal ours) {
            if (stated != null && ours != null && stated.compareTo(ours) != 0) {
                out.add(new TotalDifference(term, label, stated, ours));
            }
        }

        /** Business terms the model has no place for: each one present in the file is reported. */
        private void unsupported() {
            String[][] terms = ubl ? new String[][] {
                {"BT-17", "cac:OriginatorDocumentReference/cbc:ID", "tender or lot reference"},
                {"BT-6", "cbc:TaxCurrencyCode", "VAT accounting currency"},
                {"BT-7", "cbc:TaxPointDate", "VAT point date"},
                {"BT-34", "cac:AccountingSupplierParty/cac:Party/cbc:EndpointID", "seller electronic address"},
                {"BT-49", "cac:AccountingCustomerParty/cac:Party/cbc:EndpointID", "buyer electronic address"},
                {"BG-24", "cac:AdditionalDocumentReference[not(normalize-space(cbc:DocumentTypeCode) = '50')]", "additional supporting document"},
                {"BT-85", "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:Name", "payment account name"},
            } : new String[][] {
                {"BT-6", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:TaxCurrencyCode", "VAT accounting currency"},
                {"BT-34", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:URIUniversalCommunication/ram:URIID", "seller electronic address"},
                {"BT-49", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID", "buyer electronic address"},
                {"BG-24", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument", "additional supporting document"},
                {"BT-85", "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount/ram:AccountName", "payment account name"},
            };
            for (String[] t : terms) {
                for (XdmItem n : r.select(root, t[1])) {
                    notes.add(new ImportNote(t[0], path(n), value(n), "not carried: the model has no " + t[2]));
                }
            }
        }

        private Party party(XdmItem p, String identifierTerm) {
            // BT-29 / BT-46; in UBL a seller's (or payee's) identification of scheme SEPA is the creditor id BT-90.
            Party.Builder b = Party.builder().identifiers(identifiers(p, ubl
                    ? "cac:PartyIdentification/cbc:ID[not(upper-case(normalize-space(@schemeID)) = 'SEPA')]"
                    : "ram:ID | ram:GlobalID", identifierTerm));
            if (ubl) {
                String name = r.text(p, "cac:PartyLegalEntity/cbc:RegistrationName");
                b.name(name != null ? name : r.text(p, "cac:PartyName/cbc:Name"))
                        .taxNumber(r.text(p, "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID = 'VAT']/cbc:CompanyID"))
                        .companyNumber(r.text(p, "cac:PartyLegalEntity/cbc:CompanyID"))
                        .address(r.text(p, "cac:PostalAddress/cbc:StreetName"))
                        .address2(r.text(p, "cac:PostalAddress/cbc:AdditionalStreetName"))
                        .city(r.text(p, "cac:PostalAddress/cbc:CityName"))
                        .postCode(r.text(p, "cac:PostalAddress/cbc:PostalZone"))
                        .state(r.text(p, "cac:PostalAddress/cbc:CountrySubentity"))
                        .countryCode(r.text(p, "cac:PostalAddress/cac:Country/cbc:IdentificationCode"))
                        .email(r.text(p, "cac:Contact/cbc:ElectronicMail"))
                        .phone(r.text(p, "cac:Contact/cbc:Telephone"));
                if (name != null && r.text(p, "cac:PartyName/cbc:Name") != null) {
                    note("BT-28", p, "cac:PartyName/cbc:Name", "not carried: the model has one name (the legal name)");
                }
            } else {
                b.name(r.text(p, "ram:Name"))
                        .taxNumber(r.text(p, "ram:SpecifiedTaxRegistration/ram:ID[@schemeID = 'VA']"))
                        .companyNumber(r.text(p, "ram:SpecifiedLegalOrganization/ram:ID"))
                        .address(r.text(p, "ram:PostalTradeAddress/ram:LineOne"))
                        .address2(r.text(p, "ram:PostalTradeAddress/ram:LineTwo"))
                        .city(r.text(p, "ram:PostalTradeAddress/ram:CityName"))
                        .postCode(r.text(p, "ram:PostalTradeAddress/ram:PostcodeCode"))
                        .state(r.text(p, "ram:PostalTradeAddress/ram:CountrySubDivisionName"))
                        .countryCode(r.text(p, "ram:PostalTradeAddress/ram:CountryID"))
                        .email(r.text(p, "ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID"))
                        .phone(r.text(p, "ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:CompleteNumber"));
                note("BT-28", p, "ram:SpecifiedLegalOrganization/ram:TradingBusinessName", "not carried: the model has one name");
            }
            return b.build();
        }

        /**
         * The identifiers at {@code xpath} with their schemes; a scheme that is no ISO/IEC 6523 ICD code (BR-CL-10)
         * would make the recalculation refuse the document, so the identifier is kept without it and the scheme is
         * reported as not carried.
         */
        private List<PartyIdentifier> identifiers(XdmItem party, String xpath, String term) {
            List<PartyIdentifier> out = new ArrayList<>();
            for (XdmItem n : r.select(party, xpath)) {
                String id = r.text(n, ".");
                if (id == null) {
                    continue;
                }
                String scheme = r.text(n, "@schemeID");
                ViolationCollector check = new ViolationCollector();
                PartyIdentifier.validate(List.of(new PartyIdentifier(id, scheme)), "", check);
                if (!check.isEmpty()) {
                    notes.add(new ImportNote(term + "-1", path(n) + "/@schemeID", scheme, "not carried: the scheme is no"
                            + " ISO/IEC 6523 ICD code (BR-CL-10); the identifier is kept without it"));
                    scheme = null;
                }
                out.add(new PartyIdentifier(id, scheme));
            }
            return out;
        }

        private Entity entity(Party seller, CurrencyCode currency, String iban, String bic) {
            Entity.Builder e = Entity.builder().id(IMPORT_ENTITY_ID).name(seller.name() == null ? "(no seller name)" : seller.name())
                    .address(seller.address()).address2(seller.address2()).postCode(seller.postCode()).city(seller.city())
                    .state(seller.state()).taxNumber(seller.taxNumber()).companyNumber(seller.companyNumber())
                    .identifiers(seller.identifiers()).email(seller.email()).phone(seller.phone()).currency(currency);
            try {
                e.countryCode(seller.countryCode());
                if (iban != null) {
                    e.bankAccount(new BankAccount(iban.replace(" ", ""), bic, null, true));
                }
                return e.build();
            } catch (ValidationException bad) {
                // A seller country or bank account the entity refuses: the recalculation goes on without them.
                notes.add(new ImportNote("BG-4", "", String.valueOf(iban), "the seller's country or bank account is not"
                        + " accepted by the entity (" + bad.getMessage() + "); recalculated without them"));
                return Entity.builder().id(IMPORT_ENTITY_ID).name(seller.name() == null ? "(no seller name)" : seller.name())
                        .taxNumber(seller.taxNumber()).currency(currency).build();
            }
        }

        private static DocumentType type(String code) {
            if (code == null) {
                return DocumentType.INVOICE;
            }
            switch (code) {
                case "381":
                case "396":
                case "532":
                    return DocumentType.CREDIT_NOTE;
                case "386":
                    return DocumentType.ADVANCE_INVOICE;
                case "325":
                    return DocumentType.ESTIMATE;
                default:
                    return DocumentType.INVOICE;
            }
        }

        private LocalDate date(String xpath) {
            return date(root, xpath);
        }

        private LocalDate date(XdmItem context, String xpath) {
            XdmItem n = r.first(context, xpath);
            if (n == null) {
                return null;
            }
            String s = n.getStringValue().strip();
            try {
                return ubl ? LocalDate.parse(s) : LocalDate.parse(s, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                problems.add(path(n), "invalid_date", "must be a date (" + (ubl ? "YYYY-MM-DD" : "format 102, YYYYMMDD")
                        + "), was " + Violation.quote(s));
                return null;
            }
        }

        private BigDecimal amount(String xpath) {
            return number(root, xpath);
        }

        private BigDecimal number(XdmItem context, String xpath) {
            XdmItem n = r.first(context, xpath);
            return n == null ? null : parse(n.getStringValue(), (XdmNode) n);
        }

        private BigDecimal parse(String text, XdmNode node) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                problems.add(path(node), "invalid_number", "must be a decimal number, was " + Violation.quote(text));
                return BigDecimal.ZERO;
            }
        }

        private void note(String term, XdmItem context, String xpath, String message) {
            for (XdmItem n : r.select(context, xpath)) {
                notes.add(new ImportNote(term, path(n), value(n), message));
            }
        }

        private String path(XdmItem n) {
            XdmItem p = r.first(n, "path(.)");
            return p == null ? "" : p.getStringValue();
        }

        private static String value(XdmItem n) {
            String s = n.getStringValue().strip().replaceAll("\\s+", " ");
            return s.length() > NOTE_VALUE_LIMIT ? s.substring(0, NOTE_VALUE_LIMIT) : s;
        }
    }
}
