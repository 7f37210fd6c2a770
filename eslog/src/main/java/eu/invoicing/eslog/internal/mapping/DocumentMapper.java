package eu.invoicing.eslog.internal.mapping;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.Countries;
import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.calc.AllowanceCharges;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.DiscountType;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.PartyIdentifier;
import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.RelationType;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.eslog.internal.parse.Messages;
import eu.invoicing.eslog.internal.xml.CC002;
import eu.invoicing.eslog.internal.xml.CC056;
import eu.invoicing.eslog.internal.xml.CC059;
import eu.invoicing.eslog.internal.xml.CC076;
import eu.invoicing.eslog.internal.xml.CC078;
import eu.invoicing.eslog.internal.xml.CC080;
import eu.invoicing.eslog.internal.xml.CC082;
import eu.invoicing.eslog.internal.xml.CC088;
import eu.invoicing.eslog.internal.xml.CC106;
import eu.invoicing.eslog.internal.xml.CC186;
import eu.invoicing.eslog.internal.xml.CC212;
import eu.invoicing.eslog.internal.xml.CC273;
import eu.invoicing.eslog.internal.xml.CC501;
import eu.invoicing.eslog.internal.xml.CC504;
import eu.invoicing.eslog.internal.xml.CC509;
import eu.invoicing.eslog.internal.xml.CC534;
import eu.invoicing.eslog.internal.xml.CC552;
import eu.invoicing.eslog.internal.xml.CC819;
import eu.invoicing.eslog.internal.xml.CS009;
import eu.invoicing.eslog.internal.xml.EslogInvoice;
import eu.invoicing.eslog.internal.xml.GSg1;
import eu.invoicing.eslog.internal.xml.CC214;
import eu.invoicing.eslog.internal.xml.GSg16;
import eu.invoicing.eslog.internal.xml.GSg19;
import eu.invoicing.eslog.internal.xml.GSg2;
import eu.invoicing.eslog.internal.xml.GSg20;
import eu.invoicing.eslog.internal.xml.GSg22;
import eu.invoicing.eslog.internal.xml.GSg26;
import eu.invoicing.eslog.internal.xml.GSg27;
import eu.invoicing.eslog.internal.xml.GSg29;
import eu.invoicing.eslog.internal.xml.GSg30;
import eu.invoicing.eslog.internal.xml.GSg3;
import eu.invoicing.eslog.internal.xml.GSg34;
import eu.invoicing.eslog.internal.xml.GSg39;
import eu.invoicing.eslog.internal.xml.GSg41;
import eu.invoicing.eslog.internal.xml.GSg42;
import eu.invoicing.eslog.internal.xml.GSg5;
import eu.invoicing.eslog.internal.xml.GSg50;
import eu.invoicing.eslog.internal.xml.GSg52;
import eu.invoicing.eslog.internal.xml.GSg7;
import eu.invoicing.eslog.internal.xml.GSg8;
import eu.invoicing.eslog.internal.xml.MInvoic;
import eu.invoicing.eslog.internal.xml.SAlc;
import eu.invoicing.eslog.internal.xml.SAli;
import eu.invoicing.eslog.internal.xml.SBgm;
import eu.invoicing.eslog.internal.xml.SCom;
import eu.invoicing.eslog.internal.xml.SCta;
import eu.invoicing.eslog.internal.xml.SCux;
import eu.invoicing.eslog.internal.xml.SFii;
import eu.invoicing.eslog.internal.xml.SImd;
import eu.invoicing.eslog.internal.xml.SLin;
import eu.invoicing.eslog.internal.xml.SNad;
import eu.invoicing.eslog.internal.xml.SPai;
import eu.invoicing.eslog.internal.xml.SPat;
import eu.invoicing.eslog.internal.xml.SPcd;
import eu.invoicing.eslog.internal.xml.SPia;
import eu.invoicing.eslog.internal.xml.SPri;
import eu.invoicing.eslog.internal.xml.SQty;
import eu.invoicing.eslog.internal.xml.SUnh;
import eu.invoicing.eslog.internal.xml.SUns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a calculated document to the e-SLOG bindings. Everything the XSD cannot carry (a text too
 * long for its field, an amount not in whole minor units, a missing issue date) is reported as a
 * {@link ValidationException} with every offending path; nothing is silently truncated.
 *
 * <p>Stateless and thread-safe.
 */
public final class DocumentMapper {

    /** FURS issue date-times are local Slovenian time. */
    public static final ZoneId SLOVENIA = ZoneId.of("Europe/Ljubljana");
    /** Format of the FURS issue date-time in {@code FTX TXD} (NBT-020). */
    public static final DateTimeFormatter FURS_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss",
            Locale.ROOT);
    /** Reason text of a line allowance made from a discount. */
    public static final String DISCOUNT_REASON = "Discount";
    /** UNCL5189 code 95: discount. */
    public static final String DISCOUNT_REASON_CODE = "95";
    /** Reason text of a document-level adjustment that carries a gross-price rounding difference. */
    public static final String ROUNDING_REASON = "Rounding difference";

    static final int NAME_COMPONENT = 70;
    static final int STREET_COMPONENT = 35;
    static final int ITEM_TEXT_COMPONENT = 256;
    /** The XSD's totalDigits for amounts and quantities. */
    private static final int MAX_INTEGER_DIGITS = 18;
    /** Decimals beyond which a number is refused before rounding (the model keeps at most 10). */
    private static final int MAX_SCALE = 100;
    private static final Pattern SI00_NUMBER = Pattern.compile("\\d+(-\\d+){0,2}");

    private final Document doc;
    private final EslogContext ctx;
    private final List<Violation> problems = new ArrayList<>();
    private RoundingPolicy money;

    private DocumentMapper(Document doc, EslogContext ctx) {
        this.doc = doc;
        this.ctx = ctx;
    }

    /**
     * @param document a calculated document, not null
     * @param context the extra e-SLOG data, not null
     * @return the bindings, ready to marshal
     * @throws ValidationException listing everything that cannot be expressed in e-SLOG
     */
    public static EslogInvoice toEslog(Document document, EslogContext context) {
        return new DocumentMapper(document, context).map();
    }

    /**
     * @param type the document kind, not null
     * @return the UNCL1001 document type code, or null when e-SLOG has no counterpart (delivery note)
     */
    public static String typeCode(DocumentType type) {
        return switch (type) {
            case INVOICE -> "380";
            case CREDIT_NOTE -> "381";
            case ADVANCE_INVOICE -> "386";
            case ESTIMATE -> "325";
            case DELIVERY_NOTE -> null;
        };
    }

    private EslogInvoice map() {
        String typeCode = typeCode(doc.type());
        if (typeCode == null) {
            problem("type", "unsupported", "e-SLOG has no document type for a " + doc.type().name().toLowerCase(Locale.ROOT));
        }
        CurrencyCode currency = currency();
        if (doc.date() == null) {
            problem("date", "required", "the issue date (BT-2) is required");
        }
        if (doc.total() == null || doc.totalWithTax() == null) {
            problem("total", "not_calculated", "the document must be calculated before it is serialized");
        }
        checkNumbers();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        money = RoundingPolicy.of(currency);

        MInvoic m = new MInvoic();
        m.id = "data";
        m.header = header();
        m.beginning = new SBgm();
        m.beginning.documentName = new CC002();
        m.beginning.documentName.documentNameCode = typeCode;
        String number = text(doc.number(), "number", 70);
        if (number != null) {
            m.beginning.documentIdentification = new CC106();
            m.beginning.documentIdentification.documentIdentifier = number;
        }
        dates(m);
        texts(m);
        references(m);
        if (doc.customer() != null) {
            m.parties.add(party("BY", doc.customer(), "customer", null));
        }
        if (doc.issuer() != null) {
            m.parties.add(party("SE", doc.issuer(), "issuer", ctx.bankAccount()));
        }
        tradeParties(m);
        currencies(m, currency);
        paymentTerms(m);
        List<VatEntry> breakdown = breakdown();
        List<BigDecimal> adjustments = adjustments(m, breakdown);
        lines(m);
        m.sectionControl = new SUns();
        m.sectionControl.sectionId = "D";
        totals(m, adjustments, breakdown);
        taxBreakdown(m, breakdown);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        EslogInvoice invoice = new EslogInvoice();
        invoice.message = m;
        return invoice;
    }

    private CurrencyCode currency() {
        // A document's currency was parsed where it was read (CurrencyCode): it can be missing, never bad.
        if (doc.currency() == null) {
            problem("currency_code", "required", "the currency (BT-5) is required");
        }
        return doc.currency();
    }

    private SUnh header() {
        SUnh h = new SUnh();
        String number = TextChunks.clean(doc.number());
        if (number == null) {
            h.messageReference = "DRAFT";
        } else {
            int len = number.length();
            // D_0062 holds 14 characters: the tail of a long number is the part that differs.
            h.messageReference = len <= 14 ? number : number.substring(number.offsetByCodePoints(0,
                    Math.max(0, TextChunks.length(number) - 14)));
        }
        h.messageIdentifier = new CS009();
        h.messageIdentifier.type = "INVOIC";
        h.messageIdentifier.version = "D";
        h.messageIdentifier.release = "01B";
        h.messageIdentifier.agency = "UN";
        return h;
    }

    private void dates(MInvoic m) {
        m.dates.add(Segments.dtm("137", doc.date()));
        boolean period = doc.dateService() != null && doc.dateServiceTo() != null;
        var supply = doc.dateServiceTo() != null ? doc.dateServiceTo()
                : doc.dateService() != null ? doc.dateService() : doc.date();
        DeliveryInformation delivery = doc.tradeDetails().delivery();
        m.dates.add(Segments.dtm("35", delivery != null && delivery.date() != null ? delivery.date() : supply));
        Period invoicePeriod = doc.tradeDetails().invoicePeriod();
        if (invoicePeriod != null) {
            // BG-14 wins over the service dates, as in the EN 16931 writers.
            if (invoicePeriod.start() != null) {
                m.dates.add(Segments.dtm("167", invoicePeriod.start()));
            }
            if (invoicePeriod.end() != null) {
                m.dates.add(Segments.dtm("168", invoicePeriod.end()));
            }
        } else if (period) {
            m.dates.add(Segments.dtm("167", doc.dateService()));
            m.dates.add(Segments.dtm("168", doc.dateServiceTo()));
        }
    }

    private void texts(MInvoic m) {
        m.texts.add(Segments.ftxSegment("DOC", "P1", List.of("urn:cen.eu:en16931:2017")));
        m.texts.addAll(Segments.ftx("GEN", null, doc.note()));
        m.texts.addAll(Segments.ftx("AAB", null, doc.paymentTerms()));
        m.texts.addAll(Segments.ftx("REG", null, doc.footer()));
        for (VatCategory category : exemptCategories()) {
            String clause = TextChunks.clean(doc.taxClause());
            m.texts.addAll(Segments.ftx("AGM", category.vatex(), clause != null ? clause : category.defaultText()));
        }
        FursData furs = doc.furs();
        if (furs != null && furs.issuedAt() != null && (furs.zoi() != null || furs.eor() != null)) {
            List<String> parts = new ArrayList<>(5);
            parts.add(FURS_DATE_TIME.format(furs.issuedAt().atZone(SLOVENIA)));
            parts.add(text(furs.operatorTaxNumber(), "furs.operator_tax_number", Segments.TEXT_COMPONENT));
            parts.add(text(furs.eor(), "furs.eor", Segments.TEXT_COMPONENT));
            parts.add(text(furs.zoi(), "furs.zoi", Segments.TEXT_COMPONENT));
            parts.add(text(furs.barcode(), "furs.barcode", Segments.TEXT_COMPONENT));
            m.texts.add(Segments.ftxSegment("TXD", null, parts));
        }
        String purpose = text(ctx.purposeCode(), "purpose_code", Segments.TEXT_COMPONENT);
        if (purpose != null && doc.type().isPayable()) {
            m.texts.add(Segments.ftxSegment("ALQ", null, List.of(purpose)));
        }
    }

    private Set<VatCategory> exemptCategories() {
        Set<VatCategory> out = new LinkedHashSet<>();
        for (LineItem item : doc.items()) {
            if (item.isSeparator()) {
                continue;
            }
            if (item.taxes().isEmpty()) {
                out.add(VatCategory.O);
            }
            for (LineTax tax : item.taxes()) {
                VatCategory c = category(tax);
                if (c.needsExemptionReason()) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /**
     * Document references. The preceding invoice (BT-25, {@code RFF OI}) comes from the context, else the
     * credit note's {@code credit_for} relation; on a credit note the document's {@code reference} names the
     * credited invoice too (the lifecycle sets it so), so there it is another {@code OI} when it differs and is
     * never written as a purchase order. Only on the other kinds is {@code reference} the buyer's order
     * ({@code RFF ON}, BT-13).
     */
    private void references(MInvoic m) {
        boolean creditNote = doc.type() == DocumentType.CREDIT_NOTE;
        EslogContext.PrecedingInvoice preceding = ctx.precedingInvoice();
        String precedingPath = "preceding_invoice.number";
        if (preceding == null && creditNote) {
            for (DocumentRelation r : doc.documentRelations()) {
                if (r.relationType() == RelationType.CREDIT_FOR && TextChunks.clean(r.targetNumber()) != null) {
                    preceding = new EslogContext.PrecedingInvoice(r.targetNumber(), null);
                    precedingPath = "document_relations";
                    break;
                }
            }
        }
        if (preceding != null) {
            precedingInvoice(m, preceding, precedingPath);
        }
        String reference = TextChunks.clean(doc.reference());
        String credited = preceding == null ? null : TextChunks.clean(preceding.number());
        // a credit note's reference is its last RFF OI (the reader's rule), after the other preceding invoices
        String referenceOi = creditNote && reference != null && !reference.equals(credited) ? reference : null;
        if (creditNote) {
            // the buyer's order (BT-13) a credit note names: only order_reference, never the document's reference
            documentReference(m, "ON", doc.references().orderReference(), "order_reference");
        } else {
            String order = text(TextChunks.clean(doc.references().orderReference()) != null
                    ? doc.references().orderReference() : reference, "reference", 70);
            if (order != null) {
                GSg1 g = new GSg1();
                g.reference = Segments.rff("ON", order);
                m.references.add(g);
            }
        }
        tradeReferences(m, referenceOi);
        if (referenceOi != null) {
            LocalDate date = null;
            for (var p : doc.tradeDetails().precedingInvoices()) {
                if (referenceOi.equals(TextChunks.clean(p.number())) && date == null) {
                    date = p.date();
                }
            }
            precedingInvoice(m, new EslogContext.PrecedingInvoice(referenceOi, date), "reference");
        }
        if (doc.type().isPayable()) {
            String pq = paymentReference();
            if (pq != null) {
                GSg1 g = new GSg1();
                g.reference = Segments.rff("PQ", pq);
                m.references.add(g);
            }
        }
    }

    private void precedingInvoice(MInvoic m, EslogContext.PrecedingInvoice preceding, String path) {
        String number = text(preceding.number(), path, 70);
        if (number == null) {
            return;
        }
        GSg1 g = new GSg1();
        g.reference = Segments.rff("OI", number);
        if (preceding.date() != null) {
            g.dates.add(Segments.dtm("384", preceding.date()));
        }
        m.references.add(g);
    }

    private String paymentReference() {
        if (ctx.paymentReference() != null) {
            return text(ctx.paymentReference(), "payment_reference", 70);
        }
        String number = TextChunks.clean(doc.number());
        if (number != null && SI00_NUMBER.matcher(number).matches() && number.replace("-", "").length() <= 20) {
            return "SI00" + number;
        }
        return null;
    }

    private GSg2 party(String role, Party p, String path, BankAccount account) {
        GSg2 g = new GSg2();
        SNad nad = new SNad();
        g.nameAndAddress = nad;
        nad.partyFunction = role;
        List<String> names = TextChunks.split(TextChunks.clean(p.name()), NAME_COMPONENT);
        if (names.size() > 5) {
            problem(path + ".name", "too_long", "at most " + 5 * NAME_COMPONENT + " characters fit, was "
                    + TextChunks.length(p.name()));
        } else if (!names.isEmpty()) {
            nad.partyName = new CC080();
            nad.partyName.name = names.get(0);
            nad.partyName.name2 = names.size() > 1 ? names.get(1) : null;
            nad.partyName.name3 = names.size() > 2 ? names.get(2) : null;
            nad.partyName.name4 = names.size() > 3 ? names.get(3) : null;
            nad.partyName.name5 = names.size() > 4 ? names.get(4) : null;
        }
        List<String> streets = new ArrayList<>(TextChunks.split(TextChunks.clean(p.address()), STREET_COMPONENT));
        streets.addAll(TextChunks.split(TextChunks.clean(p.address2()), STREET_COMPONENT));
        if (streets.size() > 4) {
            problem(path + ".address", "too_long", "address and address2 together fit in 4 lines of "
                    + STREET_COMPONENT + " characters");
        } else if (!streets.isEmpty()) {
            nad.street = new CC059();
            nad.street.street1 = streets.get(0);
            nad.street.street2 = streets.size() > 1 ? streets.get(1) : null;
            nad.street.street3 = streets.size() > 2 ? streets.get(2) : null;
            nad.street.street4 = streets.size() > 3 ? streets.get(3) : null;
        }
        nad.city = text(p.city(), path + ".city", 35);
        String state = text(p.state(), path + ".state", 70);
        if (state != null) {
            nad.countrySubdivision = new CC819();
            nad.countrySubdivision.name = state;
        }
        nad.postCode = text(p.postCode(), path + ".post_code", 17);
        String country = Countries.resolve(p.countryCode(), p.country());
        nad.countryCode = country;
        // BT-29 / BT-46: a NAD has one C_C082 (id and ISO/IEC 6523 scheme); a second identifier has no place.
        List<PartyIdentifier> ids = p.identifiers();
        if (ids.size() > 1) {
            problem(path + ".identifiers", "too_many", "e-SLOG has one party identifier per NAD (C_C082), the party has "
                    + ids.size());
        } else if (!ids.isEmpty() && ids.get(0) != null) {
            identify(g, ids.get(0).id(), path + ".identifiers[0].id", ids.get(0).scheme(),
                    path + ".identifiers[0].scheme");
        }
        if (account != null) {
            SFii fii = new SFii();
            fii.partyFunction = "RB";
            String iban = account.iban() == null ? null : account.iban().replace(" ", "").toUpperCase(Locale.ROOT);
            iban = text(iban, "bank_account.iban", 35);
            if (iban != null) {
                fii.account = new CC078();
                fii.account.accountId = iban;
            }
            String bic = text(account.bic() == null ? null : account.bic().replace(" ", "").toUpperCase(Locale.ROOT),
                    "bank_account.bic", 11);
            if (bic != null) {
                fii.institution = new CC088();
                fii.institution.bic = bic;
            }
            if (fii.account != null || fii.institution != null) {
                g.financialInstitutions.add(fii);
            }
        }
        String company = text(p.companyNumber(), path + ".company_number", 70);
        if (company != null) {
            g.references.add(ref("0199", company));
        }
        String taxNumber = TextChunks.clean(p.taxNumber());
        if (taxNumber != null) {
            taxNumber = taxNumber.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!Boolean.FALSE.equals(p.isTaxSubject())) {
                String va = text(TaxNumbers.vatId(taxNumber, country), path + ".tax_number", 70);
                if (va != null) {
                    g.references.add(ref("VA", va));
                }
            }
            if ("SI".equals(country) || !TaxNumbers.hasCountryPrefix(taxNumber)
                    || Boolean.FALSE.equals(p.isTaxSubject())) {
                String ahp = text(TaxNumbers.withoutPrefix(taxNumber, country), path + ".tax_number", 70);
                if (ahp != null) {
                    g.references.add(ref("AHP", ahp));
                }
            }
        }
        String email = text(p.email(), path + ".email", 512);
        if (email != null) {
            g.contacts.add(contact("IC", "EM", email));
        }
        String phone = text(p.phone(), path + ".phone", 512);
        if (phone != null) {
            g.contacts.add(contact("SE".equals(role) ? "SU" : "PD", "TE", phone));
        }
        return g;
    }

    /**
     * BT-11, 12, 14, 15, 16 as document references ({@code RFF AEP, CT, VN, ALO, AAK}, the official sample's
     * qualifiers), then every preceding invoice not written yet ({@code RFF OI} + {@code DTM 384}) and not the
     * credit note's reference, which comes last.
     */
    private void tradeReferences(MInvoic m, String last) {
        var r = doc.references();
        documentReference(m, "AEP", r.projectReference(), "project_reference");
        documentReference(m, "CT", r.contractReference(), "contract_reference");
        documentReference(m, "VN", r.salesOrderReference(), "sales_order_reference");
        documentReference(m, "ALO", r.receivingAdviceReference(), "receiving_advice_reference");
        documentReference(m, "AAK", r.despatchAdviceReference(), "despatch_advice_reference");
        Set<String> written = new LinkedHashSet<>();
        if (last != null) {
            written.add(last);
        }
        for (GSg1 g : m.references) {
            if ("OI".equals(g.reference.reference.qualifier)) {
                written.add(g.reference.reference.identifier);
            }
        }
        var preceding = doc.tradeDetails().precedingInvoices();
        for (int i = 0; i < preceding.size(); i++) {
            var p = preceding.get(i);
            String number = TextChunks.clean(p.number());
            if (number != null && written.add(number)) {
                precedingInvoice(m, new EslogContext.PrecedingInvoice(p.number(), p.date()),
                        "preceding_invoices[" + i + "].number");
            }
        }
    }

    private void documentReference(MInvoic m, String qualifier, String value, String path) {
        String v = text(value, path, 70);
        if (v != null) {
            GSg1 g = new GSg1();
            g.reference = Segments.rff(qualifier, v);
            m.references.add(g);
        }
    }

    /**
     * The buyer's references BT-10 ({@code RFF CR}) and BT-19 ({@code RFF AOU}) and the direct debit's BT-89
     * ({@code AVS}) and BT-90 ({@code AII}) on the buyer's {@code NAD BY}, as the official sample has them; then
     * payee ({@code NAD PE}), delivery party ({@code NAD DP}) and tax representative ({@code NAD LC}).
     */
    private void tradeParties(MInvoic m) {
        GSg2 buyer = null;
        for (GSg2 g : m.parties) {
            if ("BY".equals(g.nameAndAddress.partyFunction)) {
                buyer = g;
            }
        }
        var trade = doc.tradeDetails();
        if (buyer != null) {
            partyReference(buyer, "CR", doc.references().buyerReference(), "buyer_reference");
            partyReference(buyer, "AOU", doc.references().accountingReference(), "accounting_reference");
            for (int i = 0; i < trade.paymentMeans().size(); i++) {
                var pm = trade.paymentMeans().get(i);
                partyReference(buyer, "AVS", pm.mandateReference(), "payment_means[" + i + "].mandate_reference");
                partyReference(buyer, "AII", pm.creditorId(), "payment_means[" + i + "].creditor_id");
            }
        }
        if (trade.payee() != null) {
            var payee = trade.payee();
            GSg2 g = party("PE", Party.builder().name(payee.name()).companyNumber(payee.legalRegistrationId()).build(),
                    "payee", null);
            identify(g, payee.identifier(), "payee.identifier", null, null);
            m.parties.add(g);
        }
        if (trade.delivery() != null && (trade.delivery().name() != null || trade.delivery().locationId() != null
                || trade.delivery().address() != null)) {
            var d = trade.delivery();
            GSg2 g = party("DP", addressed(Party.builder().name(d.name()), d.address()).build(), "delivery", null);
            identify(g, d.locationId(), "delivery.location_id", null, null);
            m.parties.add(g);
        }
        if (trade.taxRepresentative() != null) {
            var t = trade.taxRepresentative();
            m.parties.add(party("LC", addressed(Party.builder().name(t.name()).taxNumber(t.vatId()), t.address())
                    .build(), "tax_representative", null));
        }
    }

    private static Party.Builder addressed(Party.Builder b, PostalAddress a) {
        return a == null ? b : b.address(a.address()).address2(a.address2()).postCode(a.postCode()).city(a.city())
                .state(a.state()).countryCode(a.countryCode());
    }

    /** {@code C_C082}: the id ({@code D_3039}) and, when given, its scheme ({@code D_1131}, e.g. 0088). */
    private void identify(GSg2 g, String id, String idPath, String scheme, String schemePath) {
        String v = text(id, idPath, 35);
        if (v != null) {
            g.nameAndAddress.partyIdentification = new CC082();
            g.nameAndAddress.partyIdentification.partyId = v;
            g.nameAndAddress.partyIdentification.scheme = scheme == null ? null : text(scheme, schemePath, 6);
        }
    }

    private void partyReference(GSg2 g, String qualifier, String value, String path) {
        String v = text(value, path, 70);
        if (v != null) {
            g.references.add(ref(qualifier, v));
        }
    }

    private static GSg3 ref(String qualifier, String value) {
        GSg3 g = new GSg3();
        g.reference = Segments.rff(qualifier, value);
        return g;
    }

    private static GSg5 contact(String function, String channel, String address) {
        GSg5 g = new GSg5();
        g.contact = new SCta();
        g.contact.function = function;
        SCom com = new SCom();
        com.contact = new CC076();
        com.contact.address = address;
        com.contact.channel = channel;
        g.communications.add(com);
        return g;
    }

    private void currencies(MInvoic m, CurrencyCode currency) {
        m.currencies.add(cux("2", currency.code(), null));
        var rate = doc.exchangeRate();
        CurrencyCode quote = rate == null ? null : rate.quote() == null ? CurrencyCode.EUR : rate.quote();
        if (rate != null && !quote.equals(currency)) {
            GSg7 g = cux("6", quote.code(), Numbers.exchangeRate(rate.rate()));
            if (rate.date() != null) {
                g.dates.add(Segments.dtm("134", rate.date()));
            }
            m.currencies.add(g);
        }
    }

    private static GSg7 cux(String usage, String code, String rate) {
        GSg7 g = new GSg7();
        g.currency = new SCux();
        g.currency.details = new CC504();
        g.currency.details.usage = usage;
        g.currency.details.code = code;
        g.currency.rate = rate;
        return g;
    }

    private void paymentTerms(MInvoic m) {
        if (!doc.type().isPayable() || doc.totalDue() == null || doc.totalDue().signum() <= 0) {
            return;
        }
        GSg8 g = new GSg8();
        g.terms = new SPat();
        g.terms.type = "1";
        if (doc.dateDue() != null) {
            g.dates.add(Segments.dtm("13", doc.dateDue()));
        }
        g.instructions = new SPai();
        g.instructions.instructions = new CC534();
        // BT-81: the document's first payment means names it (as its BG-16 does in UBL and CII), else the context's
        // default; one G_SG8 carries one code
        var means = doc.tradeDetails().paymentMeans();
        String code = means.isEmpty() ? null : text(means.get(0).code(), "payment_means[0].code", 3);
        g.instructions.instructions.meansCode = code != null ? code
                : text(ctx.paymentMeansCode(), "payment_means_code", 3);
        m.paymentTerms.add(g);
    }

    /**
     * One entry of the VAT breakdown (BG-23, {@code G_SG52}): what e-SLOG keys it by is the category and the
     * rate on the wire, so the document's tax groups that map to the same pair (every reverse-charge group is
     * {@code AE} at 0; groups that a {@code tax_id} kept apart) are one entry, as BR-AE-01 and its siblings want.
     */
    private static final class VatEntry {
        final VatCategory category;
        final String rate;
        final String path;
        BigDecimal statedBase = BigDecimal.ZERO;
        boolean baseMissing;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal lines = BigDecimal.ZERO;
        /** The taxable amount written: the stated base, or the nearest one for which the tax is right (see below). */
        BigDecimal base;

        VatEntry(VatCategory category, String rate, String path) {
            this.category = category;
            this.rate = rate;
            this.path = path;
        }

        boolean is(VatCategory c, String r) {
            return category == c && java.util.Objects.equals(rate, r);
        }
    }

    /** The rate written for a category: none for O, 0 for reverse charge, else the rate without trailing zeros. */
    private static String wireRate(VatCategory category, BigDecimal rate) {
        if (!category.hasRate()) {
            return null;
        }
        return category == VatCategory.AE ? "0" : Numbers.rate(rate);
    }

    private List<VatEntry> breakdown() {
        List<VatEntry> entries = new ArrayList<>();
        for (int i = 0; i < doc.taxes().size(); i++) {
            TaxSummary t = doc.taxes().get(i);
            VatCategory named = t.category() == null ? null : VatCategory.ofCode(t.category().name());
            VatCategory category = named != null ? named : VatCategory.of(t.rate(), t.isReverseCharge(), doc.transactionType());
            VatEntry e = entry(entries, category, wireRate(category, t.rate()), "taxes[" + i + "]");
            if (t.base() == null) {
                e.baseMissing = true;
            } else {
                e.statedBase = e.statedBase.add(t.base());
            }
            e.amount = e.amount.add(t.taxAmount());
        }
        int fromSummaries = entries.size();
        for (int i = 0; i < doc.items().size(); i++) {
            LineItem item = doc.items().get(i);
            if (item.isSeparator() || item.total() == null) {
                continue;
            }
            if (item.taxes().isEmpty()) {
                VatEntry e = entry(entries, VatCategory.O, null, "items[" + i + "]");
                e.lines = e.lines.add(item.total());
            }
            for (LineTax tax : item.taxes()) {
                VatCategory category = category(tax);
                VatEntry e = entry(entries, category, wireRate(category, tax.rate()), "items[" + i + "]");
                e.lines = e.lines.add(item.total());
            }
        }
        // Document allowances and charges (BG-20, BG-21) are in the engine's base of their group: counted with the
        // lines here, so that only a rounding difference is left for adjustments().
        for (int list = 0; list < 2; list++) {
            boolean charge = list == 1;
            List<AllowanceCharge> given = charge ? doc.charges() : doc.allowances();
            for (int i = 0; i < given.size(); i++) {
                AllowanceCharge a = given.get(i);
                if (a.amount() != null) {
                    VatEntry e = placeOf(entries, a, (charge ? "charges[" : "allowances[") + i + "]");
                    e.lines = charge ? e.lines.add(a.amount()) : e.lines.subtract(a.amount());
                }
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            VatEntry e = entries.get(i);
            // legacy summaries have no base, and lines without taxes (category O) no summary: the lines' nets are
            // the taxable amount
            if (e.baseMissing || i >= fromSummaries) {
                e.statedBase = e.lines;
            }
            e.base = consistentBase(e);
        }
        return entries;
    }

    /** The breakdown entry of a document allowance or charge: its engine group's category and rate, else O. */
    private VatEntry placeOf(List<VatEntry> entries, AllowanceCharge a, String path) {
        TaxSummary t = AllowanceCharges.groupOf(doc, a);
        if (t == null) {
            return entry(entries, VatCategory.O, null, path);
        }
        VatCategory named = t.category() == null ? null : VatCategory.ofCode(t.category().name());
        VatCategory category = named != null ? named : VatCategory.of(t.rate(), t.isReverseCharge(), doc.transactionType());
        return entry(entries, category, wireRate(category, t.rate()), path);
    }

    /**
     * The document's own allowances and charges (G_SG16: S_ALC A/C with the reason text, the allowance reason code
     * (UNTDID 5189) or the charge's special service code (UNTDID 7161), MOA 204/23, the VAT of its group).
     *
     * @return [allowances, charges]
     */
    private List<BigDecimal> documentAllowances(MInvoic m, List<VatEntry> breakdown) {
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO};
        for (int list = 0; list < 2; list++) {
            boolean charge = list == 1;
            List<AllowanceCharge> given = charge ? doc.charges() : doc.allowances();
            for (int i = 0; i < given.size(); i++) {
                AllowanceCharge a = given.get(i);
                if (a.amount() == null) {
                    continue;
                }
                String path = (charge ? "charges[" : "allowances[") + i + "]";
                VatEntry e = placeOf(breakdown, a, path);
                GSg16 g = new GSg16();
                g.allowanceCharge = new SAlc();
                g.allowanceCharge.qualifier = charge ? "C" : "A";
                g.allowanceCharge.reason = new CC552();
                g.allowanceCharge.reason.reasonText = a.reason();
                if (charge && a.reasonCode() != null) {
                    g.allowanceCharge.specialServices = new CC214();
                    g.allowanceCharge.specialServices.code = a.reasonCode();
                } else if (!charge) {
                    g.allowanceCharge.reason.reasonCode = a.reasonCode();
                }
                GSg20 amount = new GSg20();
                amount.amount = Segments.moa(charge ? "23" : "204", amount(a.amount(), path + ".amount"));
                g.amounts.add(amount);
                if (a.percent() != null && a.baseAmount() != null) {
                    // BT-94 / BT-101 and the base BT-93 / BT-100, as the official sample: PCD 1 (allowance) or
                    // 2 (charge), MOA 25 after the amount; the engine's amount is round(base x percent) (A1)
                    g.percentage = new GSg19();
                    g.percentage.percentage = pcd(charge, a.percent());
                    GSg20 base = new GSg20();
                    base.amount = Segments.moa("25", amount(a.baseAmount(), path + ".base_amount"));
                    g.amounts.add(base);
                }
                GSg22 tax = new GSg22();
                tax.tax = Segments.vat(e.category, e.rate);
                g.taxes.add(tax);
                m.allowancesCharges.add(g);
                sums[list] = sums[list].add(a.amount());
            }
        }
        return List.of(sums[0], sums[1]);
    }

    private static VatEntry entry(List<VatEntry> entries, VatCategory category, String rate, String path) {
        for (VatEntry e : entries) {
            if (e.is(category, rate)) {
                return e;
            }
        }
        VatEntry e = new VatEntry(category, rate, path);
        entries.add(e);
        return e;
    }

    /**
     * EN 16931 BR-CO-17 (BR-S-09): the tax of a breakdown entry is round(taxable amount x rate / 100). A gross-priced
     * group does not always satisfy it: the engine takes the tax out of the gross sum, round(gross x rate / (100 +
     * rate)), and the base is what is left, so 59.97 gross at 22 % gives 10.81 of tax on a base of 49.16, whose
     * 22 % is 10.82; and no split of 59.97 satisfies the rule exactly. The tax is what the seller charged and
     * reports, so it stays; the taxable amount written is the nearest one, one minor unit away, for which the rule
     * holds (49.15), and the minor unit goes to the rounding amount (BT-114), so that what the customer pays does
     * not change. A base that no such step fixes (stated totals that are simply wrong) is written as stated.
     */
    private BigDecimal consistentBase(VatEntry e) {
        BigDecimal base = e.statedBase;
        if (e.rate == null || e.category == VatCategory.AE || !money.fits(e.amount)) {
            return base;
        }
        BigDecimal rate = new BigDecimal(e.rate);
        if (taxOn(base, rate).compareTo(e.amount) == 0) {
            return base;
        }
        BigDecimal down = base.subtract(money.minorUnit());
        BigDecimal up = base.add(money.minorUnit());
        boolean downFits = taxOn(down, rate).compareTo(e.amount) == 0;
        boolean upFits = taxOn(up, rate).compareTo(e.amount) == 0;
        if (downFits && upFits) {
            // the one whose exact tax is nearer the stated one
            return RoundingPolicy.percentOf(down, rate).subtract(e.amount).abs()
                    .compareTo(RoundingPolicy.percentOf(up, rate).subtract(e.amount).abs()) <= 0 ? down : up;
        }
        return downFits ? down : upFits ? up : base;
    }

    private BigDecimal taxOn(BigDecimal base, BigDecimal rate) {
        return money.round(RoundingPolicy.percentOf(base, rate));
    }

    /**
     * A breakdown entry's taxable amount can differ from the sum of its lines' nets: a gross-priced group's base
     * is the gross sum less the tax (the engine puts the difference into the document total), and
     * {@link #consistentBase} may move it by a minor unit. EN 16931 wants the difference visible as a document
     * allowance (A) or charge (C) with the entry's VAT (BR-S-08 and its siblings), so that 389 = 79 - 260 + 259.
     *
     * @return [allowances, charges]
     */
    private List<BigDecimal> adjustments(MInvoic m, List<VatEntry> breakdown) {
        List<BigDecimal> own = documentAllowances(m, breakdown);
        BigDecimal allowances = own.get(0);
        BigDecimal charges = own.get(1);
        for (VatEntry e : breakdown) {
            BigDecimal difference = e.base.subtract(e.lines);
            if (difference.signum() == 0) {
                continue;
            }
            GSg16 g = new GSg16();
            g.allowanceCharge = new SAlc();
            g.allowanceCharge.qualifier = difference.signum() < 0 ? "A" : "C";
            g.allowanceCharge.reason = new CC552();
            g.allowanceCharge.reason.reasonText = ROUNDING_REASON;
            GSg20 amount = new GSg20();
            amount.amount = Segments.moa(difference.signum() < 0 ? "204" : "23", amount(difference.abs(), e.path + ".base"));
            g.amounts.add(amount);
            GSg22 tax = new GSg22();
            tax.tax = Segments.vat(e.category, e.rate);
            g.taxes.add(tax);
            m.allowancesCharges.add(g);
            if (difference.signum() < 0) {
                allowances = allowances.add(difference.abs());
            } else {
                charges = charges.add(difference);
            }
        }
        return List.of(allowances, charges);
    }

    /** Whether a line tax belongs to a tax group: the group the engine put it in ({@link Document#taxGroupOf}). */
    private boolean sameGroup(LineTax tax, TaxSummary summary) {
        return summary.equals(doc.taxGroupOf(tax));
    }

    private void lines(MInvoic m) {
        int lineNumber = 0;
        for (int i = 0; i < doc.items().size(); i++) {
            LineItem item = doc.items().get(i);
            if (item.isSeparator()) {
                continue;
            }
            m.lines.add(line(item, ++lineNumber, "items[" + i + "]"));
        }
    }

    private GSg26 line(LineItem item, int lineNumber, String path) {
        GSg26 g = new GSg26();
        g.line = new SLin();
        g.line.lineNumber = Integer.toString(lineNumber);
        String itemId = text(item.itemId(), path + ".item_id", 35);
        if (itemId != null) {
            g.productIds.add(pia("5", itemId, "SA"));
        }
        List<String> name = TextChunks.split(TextChunks.clean(item.name()), ITEM_TEXT_COMPONENT);
        if (name.size() > 2) {
            problem(path + ".name", "too_long", "at most " + 2 * ITEM_TEXT_COMPONENT + " characters fit, was "
                    + TextChunks.length(item.name()));
        } else if (!name.isEmpty()) {
            g.descriptions.add(imd("F", name));
        }
        List<String> description = TextChunks.split(TextChunks.clean(item.description()), ITEM_TEXT_COMPONENT);
        for (int i = 0; i < description.size(); i += 2) {
            g.descriptions.add(imd("A", description.subList(i, Math.min(description.size(), i + 2))));
        }
        if (g.descriptions.size() > 99) {
            problem(path + ".description", "too_long", "the description is too long for e-SLOG");
        }
        lineDetails(g, item, path);
        BigDecimal netPrice = netPrice(item, path);
        if (item.quantity() == null) {
            problem(path + ".quantity", "required", "is required");
        } else {
            SQty qty = new SQty();
            qty.details = new CC186();
            qty.details.qualifier = "47";
            qty.details.quantity = Numbers.decimal(item.quantity(), 0);
            String unit = UnitCodes.toRec20(item.unit());
            qty.details.unitCode = unit != null ? unit : text(item.unit(), path + ".unit", 8);
            g.quantities.add(qty);
        }
        if (item.total() == null || item.totalWithTax() == null) {
            problem(path + ".total", "not_calculated", "the line must be calculated before it is serialized");
            return g;
        }
        g.amounts.add(lineAmount("203", amount(item.total(), path + ".total")));
        g.amounts.add(lineAmount("38", amount(item.totalWithTax(), path + ".total_with_tax")));
        if (netPrice != null) {
            GSg29 price = new GSg29();
            price.price = new SPri();
            price.price.information = new CC509();
            price.price.information.qualifier = "AAA";
            price.price.information.price = Numbers.decimal(netPrice, money.minorUnits());
            g.prices.add(price);
            linePrices(g, item, price.price.information);
        }
        if (item.taxes().isEmpty()) {
            GSg34 tax = new GSg34();
            tax.tax = Segments.vat(VatCategory.O, null);
            tax.amounts.add(Segments.moa("125", amount(item.total(), path + ".total")));
            g.taxes.add(tax);
        }
        for (int t = 0; t < item.taxes().size(); t++) {
            LineTax lineTax = item.taxes().get(t);
            VatCategory category = category(lineTax);
            GSg34 tax = new GSg34();
            tax.tax = Segments.vat(category, category == VatCategory.AE ? "0" : Numbers.rate(lineTax.rate()));
            tax.amounts.add(Segments.moa("125", amount(item.total(), path + ".total")));
            if (lineTax.amount() != null) {
                tax.amounts.add(Segments.moa("124", amount(lineTax.amount(), path + ".taxes[" + t + "].amount")));
            }
            g.taxes.add(tax);
        }
        if (netPrice != null && item.quantity() != null) {
            allowances(g, item, subtotal(netPrice, item), path);
        }
        return g;
    }

    /**
     * The line's EN 16931 details where e-SLOG has the segment (the official sample's line): the standard item id
     * in {@code LIN} (BT-157), the buyer's item id {@code PIA 5 / IN} (BT-156) and classifications {@code PIA 1}
     * (BT-158), the origin {@code ALI} (BT-159), the period {@code DTM 167/168} (BG-26), the note {@code FTX ACB}
     * (BT-127), the attributes {@code FTX ACF} (BG-32), the VAT exemption reason and code a line's tax states
     * {@code FTX AGM} (BT-120, BT-121), the order line {@code RFF ON}
     * (BT-132) and the accounting reference {@code RFF AWQ} (BT-133).
     */
    private void lineDetails(GSg26 g, LineItem item, String path) {
        LineDetails d = item.details();
        if (d.standardId() != null) {
            g.line.itemNumber = new CC212();
            g.line.itemNumber.itemId = text(d.standardId().id(), path + ".standard_id.id", 35);
            g.line.itemNumber.typeCode = text(d.standardId().scheme(), path + ".standard_id.scheme", 4);
        }
        String buyerId = text(d.buyerItemId(), path + ".buyer_item_id", 35);
        if (buyerId != null) {
            g.productIds.add(pia("5", buyerId, "IN"));
        }
        for (int c = 0; c < d.classifications().size(); c++) {
            ItemClassification k = d.classifications().get(c);
            String at = path + ".classifications[" + c + "]";
            g.productIds.add(pia("1", text(k.code(), at + ".code", 35), text(k.listId(), at + ".list_id", 4)));
        }
        if (g.productIds.size() > 25) {
            problem(path + ".classifications", "too_many", "e-SLOG carries at most 25 item ids on a line");
        }
        if (d.originCountry() != null) {
            SAli ali = new SAli();
            ali.countryOfOrigin = text(d.originCountry(), path + ".origin_country", 3);
            g.origins.add(ali);
        }
        if (d.period() != null) {
            if (d.period().start() != null) {
                g.dates.add(Segments.dtm("167", d.period().start()));
            }
            if (d.period().end() != null) {
                g.dates.add(Segments.dtm("168", d.period().end()));
            }
        }
        g.texts.addAll(Segments.ftx("ACB", null, d.note()));
        for (ItemAttribute a : d.attributes()) {
            g.texts.add(Segments.ftxSegment("ACF", null, List.of(text(a.name(), path + ".attributes", 512),
                    text(a.value(), path + ".attributes", 512))));
        }
        for (LineTax tax : item.taxes()) {
            // Only a reason the line states: the document's AGM texts already give each exempt category's
            // reason, and documents without line reasons stay as they were.
            String reason = TextChunks.clean(tax.exemptionReason());
            String code = TextChunks.clean(tax.exemptionReasonCode());
            if (reason != null || code != null) {
                g.texts.addAll(Segments.ftx("AGM", code, reason));
            }
        }
        if (g.texts.size() > 99) {
            problem(path + ".note", "too_long", "e-SLOG carries at most 99 texts on a line");
        }
        String orderLine = text(d.orderLineReference(), path + ".order_line_reference", 6);
        if (orderLine != null) {
            GSg30 ref = new GSg30();
            ref.reference = Segments.rff("ON", null);
            ref.reference.reference.lineId = orderLine;
            g.references.add(ref);
        }
        String accounting = text(d.accountingReference(), path + ".accounting_reference", 70);
        if (accounting != null) {
            GSg30 ref = new GSg30();
            ref.reference = Segments.rff("AWQ", accounting);
            g.references.add(ref);
        }
    }

    private static SPia pia(String function, String id, String type) {
        SPia pia = new SPia();
        pia.functionCode = function;
        pia.itemNumber = new CC212();
        pia.itemNumber.itemId = id;
        pia.itemNumber.typeCode = type;
        return pia;
    }

    /** The price base quantity on the net price ({@code PRI AAA}, BT-149) and the list price {@code PRI AAB} (BT-148). */
    private void linePrices(GSg26 g, LineItem item, CC509 net) {
        LineDetails d = item.details();
        String unit = UnitCodes.toRec20(item.unit());
        if (d.priceBaseQuantity() != null) {
            net.basisQuantity = Numbers.decimal(d.priceBaseQuantity(), 0);
            net.unitCode = unit;
        }
        if (d.listPrice() != null) {
            GSg29 list = new GSg29();
            list.price = new SPri();
            list.price.information = new CC509();
            list.price.information.qualifier = "AAB";
            list.price.information.price = Numbers.decimal(d.listPrice(), money.minorUnits());
            list.price.information.basisQuantity = net.basisQuantity;
            list.price.information.unitCode = net.unitCode;
            g.prices.add(list);
        }
    }

    /**
     * The line's net subtotal, quantity x price / its base quantity (BT-149), divided as the engine divides it (at the
     * currency's division precision): a price per unit cut to 6 decimals first could round the subtotal a minor unit
     * away from the engine's (30 x 3792.09 / 36 = 3160.075, but 30 x 105.335833 = 3160.07).
     */
    private BigDecimal subtotal(BigDecimal netPrice, LineItem item) {
        BigDecimal base = item.details().priceBaseQuantity();
        BigDecimal gross = item.quantity().multiply(netPrice);
        return base == null || base.compareTo(BigDecimal.ONE) == 0 ? gross : money.divide(gross, base);
    }

    private static SImd imd(String format, List<String> parts) {
        SImd imd = new SImd();
        imd.formatCode = format;
        imd.description = new CC273();
        imd.description.text = parts.get(0);
        imd.description.text2 = parts.size() > 1 ? parts.get(1) : null;
        return imd;
    }

    private static GSg27 lineAmount(String qualifier, String value) {
        GSg27 g = new GSg27();
        g.amount = Segments.moa(qualifier, value);
        return g;
    }

    /** The net unit price (BT-146): the price, or the gross price without its taxes for gross-priced lines. */
    private BigDecimal netPrice(LineItem item, String path) {
        if (item.price() != null) {
            return item.price();
        }
        if (item.grossPrice() == null) {
            problem(path + ".price", "required", "a price or a gross price is required");
            return null;
        }
        BigDecimal rates = BigDecimal.ZERO;
        for (LineTax tax : item.taxes()) {
            rates = rates.add(tax.rate());
        }
        return item.grossPrice().divide(RoundingPolicy.grossFactor(rates), Numbers.MAX_DECIMALS, RoundingMode.HALF_UP);
    }

    /**
     * One line allowance per discount, each true to itself: a percent discount states its percentage, its base
     * and round(base x percentage) as its amount (EN 16931 BT-136..138), an amount discount its amount. The line
     * net is the document's and must come out exactly as quantity x net price - allowances + charges, so what
     * the stated amounts leave over (a cent that the engine's rounding, on the gross amount for gross prices or
     * on the exact subtotal for several percent discounts, puts elsewhere) is added to the last amount discount
     * whose amount is derived (converted from gross, or finer than the minor unit), else stated as its own line
     * allowance or charge, reason "Rounding difference". A
     * gross-priced line without discounts can need one too: its net price is the gross price without VAT to 6
     * decimals, and quantity x that price can round a cent away from the engine's net.
     */
    private void allowances(GSg26 g, LineItem item, BigDecimal subtotal, String path) {
        BigDecimal base = money.round(subtotal);
        BigDecimal target = base.subtract(item.total());
        boolean compounded = doc.calculationMode() == CalculationMode.B2C_GROSS_DISCOUNT;
        BigDecimal factor = BigDecimal.ONE;
        if (item.price() == null || compounded) {
            BigDecimal rates = BigDecimal.ZERO;
            for (LineTax tax : item.taxes()) {
                rates = rates.add(tax.rate());
            }
            factor = RoundingPolicy.grossFactor(rates);
        }
        // Line charges (BG-28) at their net value: the residue below then covers the discounts alone.
        List<BigDecimal> chargesNet = new ArrayList<>(item.charges().size());
        for (AllowanceCharge c : item.charges()) {
            BigDecimal net = c.amount() == null ? BigDecimal.ZERO
                    : factor.compareTo(BigDecimal.ONE) == 0 ? c.amount() : money.round(money.divide(c.amount(), factor));
            chargesNet.add(net);
            target = target.add(net);
        }
        int count = item.discounts().size();
        List<BigDecimal> amounts = new ArrayList<>();
        List<BigDecimal> bases = new ArrayList<>();
        BigDecimal running = base;
        BigDecimal sum = BigDecimal.ZERO;
        int absorbAt = -1;
        for (int d = 0; d < count; d++) {
            Discount discount = item.discounts().get(d);
            BigDecimal from = compounded ? running : base;
            boolean percent = discount.type() == DiscountType.PERCENT;
            BigDecimal amount = percent ? money.round(RoundingPolicy.percentOf(from, discount.value()))
                    : money.round(money.divide(discount.value(), factor));
            // An amount discount can take the residue when its stated amount is derived anyway (a gross amount
            // without VAT, or finer than the currency's minor units), never an amount as the user gave it; and
            // when compounded only the last, since a later percent discount's base depends on it.
            boolean derived = factor.compareTo(BigDecimal.ONE) != 0 || !money.fits(discount.value());
            if (!percent && derived && (!compounded || d == count - 1)) {
                absorbAt = d;
            }
            bases.add(from);
            amounts.add(amount);
            sum = sum.add(amount);
            running = running.subtract(amount);
        }
        BigDecimal residue = target.subtract(sum);
        if (residue.signum() != 0 && absorbAt >= 0 && amounts.get(absorbAt).add(residue).signum() >= 0) {
            amounts.set(absorbAt, amounts.get(absorbAt).add(residue));
            residue = BigDecimal.ZERO;
        }
        for (int d = 0; d < count; d++) {
            Discount discount = item.discounts().get(d);
            boolean percent = discount.type() == DiscountType.PERCENT;
            GSg39 a = lineAllowance("A", DISCOUNT_REASON, DISCOUNT_REASON_CODE);
            if (percent) {
                a.percentage = new GSg41();
                a.percentage.percentage = pcd(false, discount.value());
            }
            GSg42 amount = new GSg42();
            amount.amount = Segments.moa("204", amount(amounts.get(d), path + ".discounts[" + d + "]"));
            a.amounts.add(amount);
            if (percent) {
                GSg42 from = new GSg42();
                from.amount = Segments.moa("25", amount(bases.get(d), path + ".discounts[" + d + "]"));
                a.amounts.add(from);
            }
            g.allowancesCharges.add(a);
        }
        for (int c = 0; c < chargesNet.size(); c++) {
            AllowanceCharge charge = item.charges().get(c);
            GSg39 a = lineAllowance("C", charge.reason(), null);
            if (charge.reasonCode() != null) {
                a.allowanceCharge.specialServices = new CC214();
                a.allowanceCharge.specialServices.code = charge.reasonCode();
            }
            GSg42 amount = new GSg42();
            amount.amount = Segments.moa("23", amount(chargesNet.get(c), path + ".charges[" + c + "]"));
            a.amounts.add(amount);
            if (statesPercent(charge, chargesNet.get(c), factor)) {
                // BT-143 and its base BT-142 (PCD 2, MOA 25), where the line's amount is the percent of that base
                a.percentage = new GSg41();
                a.percentage.percentage = pcd(true, charge.percent());
                GSg42 chargeBase = new GSg42();
                chargeBase.amount = Segments.moa("25", amount(charge.baseAmount(), path + ".charges[" + c + "].base_amount"));
                a.amounts.add(chargeBase);
            }
            g.allowancesCharges.add(a);
        }
        if (residue.signum() != 0) {
            GSg39 a = lineAllowance(residue.signum() > 0 ? "A" : "C", ROUNDING_REASON, null);
            GSg42 amount = new GSg42();
            amount.amount = Segments.moa(residue.signum() > 0 ? "204" : "23", amount(residue.abs(), path + ".total"));
            a.amounts.add(amount);
            g.allowancesCharges.add(a);
        }
    }

    /**
     * Whether a line charge is written with its percent and base: on a net-priced line, when its amount is
     * round(base x percent / 100) of them. A tax-inclusive line's charge is written without its VAT, and the last
     * charge of a line without discounts takes the line's rounding difference (docs/calculation.md): those state
     * only the amount, so that every percent in the XML gives its amount.
     */
    private boolean statesPercent(AllowanceCharge charge, BigDecimal written, BigDecimal factor) {
        return charge.percent() != null && charge.baseAmount() != null && factor.compareTo(BigDecimal.ONE) == 0
                && money.fits(charge.baseAmount())
                && money.round(RoundingPolicy.percentOf(charge.baseAmount(), charge.percent())).compareTo(written) == 0;
    }

    /** {@code S_PCD}: qualifier 1 for an allowance, 2 for a charge (UNTDID 5245, as the official sample). */
    private static SPcd pcd(boolean charge, BigDecimal percent) {
        SPcd pcd = new SPcd();
        pcd.details = new CC501();
        pcd.details.qualifier = charge ? "2" : "1";
        pcd.details.percentage = Numbers.rate(percent);
        return pcd;
    }

    private static GSg39 lineAllowance(String qualifier, String reason, String reasonCode) {
        GSg39 a = new GSg39();
        a.allowanceCharge = new SAlc();
        a.allowanceCharge.qualifier = qualifier;
        a.allowanceCharge.reason = new CC552();
        a.allowanceCharge.reason.reasonText = reason;
        a.allowanceCharge.reason.reasonCode = reasonCode;
        return a;
    }

    private void totals(MInvoic m, List<BigDecimal> adjustments, List<VatEntry> breakdown) {
        BigDecimal lineSum = BigDecimal.ZERO;
        for (LineItem item : doc.items()) {
            if (!item.isSeparator() && item.total() != null) {
                lineSum = lineSum.add(item.total());
            }
        }
        BigDecimal vat = BigDecimal.ZERO;
        BigDecimal vatConverted = BigDecimal.ZERO;
        boolean converted = true;
        for (TaxSummary t : doc.taxes()) {
            vat = vat.add(t.taxAmount());
            if (t.amountConverted() == null) {
                converted = false;
            } else {
                vatConverted = vatConverted.add(t.amountConverted());
            }
        }
        // what consistentBase moved the taxable amounts by moves the net total too, and the rounding amount
        // (BT-114) takes it back: the VAT, the total with VAT after rounding and the amount due stay the document's
        BigDecimal shift = BigDecimal.ZERO;
        for (VatEntry e : breakdown) {
            shift = shift.add(e.base.subtract(e.statedBase));
        }
        BigDecimal net = doc.total().add(shift);
        BigDecimal correction = (doc.roundingCorrection() == null ? BigDecimal.ZERO : doc.roundingCorrection())
                .subtract(shift);
        BigDecimal withVat = net.add(vat);
        BigDecimal paid = doc.totalPaid() == null ? BigDecimal.ZERO : doc.totalPaid();
        BigDecimal due = doc.totalDue() != null ? doc.totalDue() : withVat.subtract(paid).add(correction);
        total(m, "79", lineSum);
        if (adjustments.get(0).signum() != 0) {
            total(m, "260", adjustments.get(0));
        }
        if (adjustments.get(1).signum() != 0) {
            total(m, "259", adjustments.get(1));
        }
        total(m, "389", net);
        total(m, "176", vat);
        for (GSg7 c : m.currencies) {
            if ("6".equals(c.currency.details.usage)) {
                RoundingPolicy target = RoundingPolicy.of(CurrencyCode.of(c.currency.details.code));
                BigDecimal inTarget = converted && !doc.taxes().isEmpty() ? vatConverted
                        : target.round(vat.multiply(doc.exchangeRate().rate()));
                GSg50 g = new GSg50();
                g.amount = Segments.moa("2", target.exact(inTarget).toPlainString());
                m.totals.add(g);
            }
        }
        total(m, "388", withVat);
        if (paid.signum() != 0) {
            total(m, "113", paid);
        }
        if (correction.signum() != 0) {
            total(m, "366", correction);
        }
        total(m, "9", due);
    }

    private void total(MInvoic m, String qualifier, BigDecimal value) {
        GSg50 g = new GSg50();
        g.amount = Segments.moa(qualifier, amount(value, "total"));
        m.totals.add(g);
    }

    private void taxBreakdown(MInvoic m, List<VatEntry> breakdown) {
        for (VatEntry e : breakdown) {
            GSg52 g = new GSg52();
            g.tax = Segments.vat(e.category, e.rate);
            g.amounts.add(Segments.moa("125", amount(e.base, e.path + ".base")));
            g.amounts.add(Segments.moa("124", amount(e.amount, e.path + ".amount")));
            m.taxBreakdown.add(g);
        }
        if (m.taxBreakdown.size() > 10) {
            problem("taxes", "too_many", "e-SLOG carries at most 10 VAT breakdown entries, the document has "
                    + m.taxBreakdown.size());
        }
    }

    private VatCategory category(LineTax tax) {
        // A category the line names wins where e-SLOG has it (S, Z, E, AE, K, G, O); the others (L, M, B) are
        // derived as for a line that names none.
        VatCategory named = tax.category() == null ? null : VatCategory.ofCode(tax.category().name());
        return named != null ? named : VatCategory.of(tax.rate(), isReverseCharge(tax), doc.transactionType());
    }

    private boolean isReverseCharge(LineTax tax) {
        if (tax.isReverseCharge()) {
            return true;
        }
        for (TaxSummary summary : doc.taxes()) {
            if (summary.isReverseCharge() && sameGroup(tax, summary)) {
                return true;
            }
        }
        return false;
    }

    private String amount(BigDecimal value, String path) {
        if (!carriable(value, path)) {
            return "0";
        }
        try {
            return money.exact(value).toPlainString();
        } catch (ArithmeticException e) {
            problem(path, "not_rounded", "must be in whole minor units of " + doc.currencyCode() + ", was "
                    + Messages.number(value));
            return "0";
        }
    }

    /**
     * Every number the mapping computes with, checked as {@link #carriable} before any arithmetic: adding 0.01 to
     * 1E+999999999 alone would build a billion digits.
     */
    private void checkNumbers() {
        carriable(doc.total(), "total");
        carriable(doc.totalWithTax(), "total_with_tax");
        carriable(doc.totalPaid(), "total_paid");
        carriable(doc.totalDue(), "total_due");
        carriable(doc.roundingCorrection(), "rounding_correction");
        if (doc.exchangeRate() != null) {
            carriable(doc.exchangeRate().rate(), "exchange_rate.rate");
        }
        for (int i = 0; i < doc.taxes().size(); i++) {
            TaxSummary t = doc.taxes().get(i);
            carriable(t.rate(), "taxes[" + i + "].rate");
            carriable(t.base(), "taxes[" + i + "].base");
            carriable(t.taxAmount(), "taxes[" + i + "].amount");
            carriable(t.amountConverted(), "taxes[" + i + "].amount_converted");
        }
        for (int i = 0; i < doc.items().size(); i++) {
            LineItem item = doc.items().get(i);
            String path = "items[" + i + "]";
            carriable(item.quantity(), path + ".quantity");
            carriable(item.price(), path + ".price");
            carriable(item.grossPrice(), path + ".gross_price");
            carriable(item.total(), path + ".total");
            carriable(item.totalWithTax(), path + ".total_with_tax");
            for (int d = 0; d < item.discounts().size(); d++) {
                carriable(item.discounts().get(d).value(), path + ".discounts[" + d + "].value");
            }
            for (int t = 0; t < item.taxes().size(); t++) {
                carriable(item.taxes().get(t).rate(), path + ".taxes[" + t + "].rate");
                carriable(item.taxes().get(t).amount(), path + ".taxes[" + t + "].amount");
            }
            carriable(item.charges(), path + ".charges");
        }
        carriable(doc.allowances(), "allowances");
        carriable(doc.charges(), "charges");
    }

    private void carriable(List<AllowanceCharge> entries, String path) {
        for (int i = 0; i < entries.size(); i++) {
            AllowanceCharge a = entries.get(i);
            carriable(a.amount(), path + "[" + i + "].amount");
            carriable(a.percent(), path + "[" + i + "].percent");
            carriable(a.baseAmount(), path + "[" + i + "].base_amount");
        }
    }

    /**
     * Whether e-SLOG can carry a number (the XSD allows 18 digits): checked on scale and precision alone, before
     * any rounding, since rounding 1E-999999999 or 1E+999999999 would build a number of a billion digits.
     *
     * @return true for null and for a number of at most 18 integer digits and {@value #MAX_SCALE} decimals
     */
    private boolean carriable(BigDecimal value, String path) {
        if (value == null) {
            return true;
        }
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_SCALE) {
            problem(path, "out_of_range", "e-SLOG carries at most " + MAX_INTEGER_DIGITS + " digits, was "
                    + Messages.number(value));
            return false;
        }
        return true;
    }

    /** A cleaned single-component text, or null; reports it when longer than {@code max}. */
    private String text(String value, String path, int max) {
        String clean = TextChunks.clean(value);
        if (clean != null && TextChunks.length(clean) > max) {
            problem(path, "too_long", "at most " + max + " characters fit in e-SLOG, was " + TextChunks.length(clean));
            return null;
        }
        return clean;
    }

    private void problem(String path, String code, String message) {
        problems.add(Violation.of(path, code, message));
    }
}
