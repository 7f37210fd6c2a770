package eu.invoicing.eslog.internal.mapping;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.CreationSource;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.ItemIdentifier;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.PartyIdentifier;
import eu.invoicing.core.model.Payee;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.TaxRepresentative;
import eu.invoicing.core.model.TradeDetails;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.eslog.EslogDocument;
import eu.invoicing.eslog.EslogReadException;
import eu.invoicing.eslog.EslogReadException.Reason;
import eu.invoicing.eslog.internal.parse.Messages;
import eu.invoicing.eslog.internal.xml.CC080;
import eu.invoicing.eslog.internal.xml.CC059;
import eu.invoicing.eslog.internal.xml.EslogInvoice;
import eu.invoicing.eslog.internal.xml.GSg1;
import eu.invoicing.eslog.internal.xml.GSg16;
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
import eu.invoicing.eslog.internal.xml.GSg42;
import eu.invoicing.eslog.internal.xml.GSg5;
import eu.invoicing.eslog.internal.xml.GSg50;
import eu.invoicing.eslog.internal.xml.GSg52;
import eu.invoicing.eslog.internal.xml.GSg7;
import eu.invoicing.eslog.internal.xml.GSg8;
import eu.invoicing.eslog.internal.xml.MInvoic;
import eu.invoicing.eslog.internal.xml.SAlc;
import eu.invoicing.eslog.internal.xml.SAli;
import eu.invoicing.eslog.internal.xml.SCom;
import eu.invoicing.eslog.internal.xml.SDtm;
import eu.invoicing.eslog.internal.xml.SFii;
import eu.invoicing.eslog.internal.xml.SFtx;
import eu.invoicing.eslog.internal.xml.SImd;
import eu.invoicing.eslog.internal.xml.SMoa;
import eu.invoicing.eslog.internal.xml.SPcd;
import eu.invoicing.eslog.internal.xml.SPia;
import eu.invoicing.eslog.internal.xml.SQty;
import eu.invoicing.eslog.internal.xml.STax;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps e-SLOG bindings read from XML to a document with its stated totals (creation source
 * {@code custom}: the amounts are taken as written, not recalculated). What the model has no
 * field for lands in the {@link EslogContext}. Document allowances and charges (BG-20, BG-21) and line
 * charges (BG-28) are read as such, with their percent and base where stated; only the serializer's
 * rounding adjustments of gross-priced groups become lines of their own (an allowance a line with quantity
 * -1), so that a recalculation by the engine reproduces the stated totals.
 *
 * <p>Stateless and thread-safe.
 */
public final class EslogMapper {

    private final MInvoic m;
    private RoundingPolicy money;
    private String path = "";
    private final List<AllowanceCharge> allowances = new ArrayList<>();
    private final List<AllowanceCharge> charges = new ArrayList<>();
    private Period invoicePeriod;

    private EslogMapper(MInvoic m) {
        this.m = m;
    }

    /**
     * @param invoice the bindings, not null
     * @return the document and its e-SLOG context
     * @throws EslogReadException if an essential value is missing or a number or date is malformed
     */
    public static EslogDocument toDocument(EslogInvoice invoice) {
        if (invoice.message == null) {
            throw new EslogReadException(Reason.NOT_ESLOG, "not an e-SLOG 2.0 invoice: the root Invoice has no M_INVOIC", null);
        }
        try {
            return new EslogMapper(invoice.message).map();
        } catch (ValidationException e) {
            // The model's own checks (currency codes, ids, ...) on a value the mapper passed on: the file is at
            // fault, not the caller, so it is reported as a read error like every other bad value.
            throw new EslogReadException(Reason.INVALID_VALUE, "a value the document model refuses: "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param code a UNCL1001 document type code, nullable
     * @return the document kind: 381 credit note, 386 advance invoice, 325 estimate, everything else invoice
     */
    public static DocumentType documentType(String code) {
        if (code == null) {
            return DocumentType.INVOICE;
        }
        return switch (code.trim()) {
            case "381" -> DocumentType.CREDIT_NOTE;
            case "386" -> DocumentType.ADVANCE_INVOICE;
            case "325" -> DocumentType.ESTIMATE;
            default -> DocumentType.INVOICE;
        };
    }

    private EslogDocument map() {
        String typeCode = m.beginning == null || m.beginning.documentName == null ? null
                : m.beginning.documentName.documentNameCode;
        DocumentType type = documentType(typeCode);
        String currencyCode = currency("2");
        CurrencyCode currency = currencyCode == null ? null : currencyOf(currencyCode);
        money = RoundingPolicy.of(currency == null ? CurrencyCode.EUR : currency);
        Document.Builder b = Document.builder(type).draft(false).creationSource(CreationSource.CUSTOM)
                .currency(currency);
        if (m.beginning != null && m.beginning.documentIdentification != null) {
            b.number(m.beginning.documentIdentification.documentIdentifier);
        }
        GSg2 deliveryParty = partyOf("DP");
        LocalDate supply = dates(b, deliveryParty != null);
        texts(b);
        for (GSg2 party : m.parties) {
            String role = party.nameAndAddress == null ? null : party.nameAndAddress.partyFunction;
            if ("SE".equals(role)) {
                b.issuer(party(party));
            } else if ("BY".equals(role)) {
                Party buyer = party(party);
                // A buyer with no VAT or tax number (RFF VA / AHP) is a private person for the model: without
                // the flag the business rules would ask a received B2C invoice for the buyer's tax number.
                b.customer(buyer.taxNumber() == null && buyer.isEndConsumer() == null
                        ? buyer.toBuilder().isEndConsumer(Boolean.TRUE).build() : buyer);
            }
        }
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < m.lines.size(); i++) {
            path = "G_SG26[" + (i + 1) + "]";
            line(m.lines.get(i), items);
        }
        for (int i = 0; i < m.allowancesCharges.size(); i++) {
            path = "G_SG16[" + (i + 1) + "]";
            documentAllowance(m.allowancesCharges.get(i), items);
        }
        b.items(items).allowances(allowances).charges(charges);
        if (!allowances.isEmpty() || !charges.isEmpty()) {
            // BT-107 / BT-108 as the engine states them: both, once there is either
            b.totalAllowances(sum(allowances)).totalCharges(sum(charges));
        }
        tradeDetails(b, deliveryParty, supply);
        BigDecimal discount = BigDecimal.ZERO;
        for (LineItem item : items) {
            discount = discount.add(item.totalDiscount() == null ? BigDecimal.ZERO : item.totalDiscount());
        }
        b.totalDiscount(money.round(discount));
        b.taxes(taxes());
        totals(b, type, items);
        return new EslogDocument(b.build(), context());
    }

    /** The one place the reader parses a currency code: the model's vocabulary, else a read error. */
    private CurrencyCode currencyOf(String code) {
        CurrencyCode c = CurrencyCode.lookup(code);
        if (c == null) {
            throw new EslogReadException(Reason.INVALID_VALUE, "G_SG7/S_CUX/C_C504/D_6345: not an ISO 4217 currency"
                    + " with minor units, was " + Messages.quote(code), null);
        }
        return c;
    }

    private String currency(String usage) {
        for (GSg7 g : m.currencies) {
            if (g.currency != null && g.currency.details != null && usage.equals(g.currency.details.usage)) {
                return g.currency.details.code;
            }
        }
        return null;
    }

    /** @return the supply date (DTM 35): the delivery date when a delivery party is named */
    private LocalDate dates(Document.Builder b, boolean delivered) {
        LocalDate issue = null;
        LocalDate supply = null;
        LocalDate from = null;
        LocalDate to = null;
        for (int i = 0; i < m.dates.size(); i++) {
            path = "S_DTM[" + (i + 1) + "]";
            SDtm d = m.dates.get(i);
            if (d.dateTimePeriod == null || d.dateTimePeriod.date == null) {
                continue;
            }
            LocalDate date = date(d.dateTimePeriod.date);
            switch (String.valueOf(d.dateTimePeriod.qualifier)) {
                case "137" -> issue = date;
                case "35" -> supply = date;
                case "167" -> from = date;
                case "168" -> to = date;
                default -> { }
            }
        }
        b.date(issue);
        if (from != null || to != null) {
            // one DTM 167/168 pair is both the invoicing period (BG-14) and the service dates
            b.dateService(from).dateServiceTo(to);
            invoicePeriod = new Period(from, to);
        } else if (supply != null && !supply.equals(issue) && !delivered) {
            b.dateService(supply);
        }
        for (GSg8 g : m.paymentTerms) {
            for (SDtm d : g.dates) {
                if (d.dateTimePeriod != null && "13".equals(d.dateTimePeriod.qualifier) && d.dateTimePeriod.date != null) {
                    path = "G_SG8/S_DTM";
                    b.dateDue(date(d.dateTimePeriod.date));
                }
            }
        }
        return supply;
    }

    private void texts(Document.Builder b) {
        b.note(joinTexts("GEN"));
        b.paymentTerms(joinTexts("AAB"));
        b.footer(joinTexts("REG"));
        b.taxClause(firstExemption());
        for (SFtx f : m.texts) {
            if ("TXD".equals(f.subject) && f.literal != null) {
                b.furs(furs(Segments.components(f.literal)));
            }
        }
        String order = documentReference("ON");
        String preceding = null;
        for (GSg1 g : m.references) {
            if (g.reference != null && g.reference.reference != null && "OI".equals(g.reference.reference.qualifier)) {
                preceding = g.reference.reference.identifier;
            }
        }
        // On a credit note the document reference names the credited invoice (the last RFF OI; the first is the
        // context's preceding invoice), never a purchase order; on the other kinds it is the order (RFF ON), which
        // is the order reference (BT-13) too: the serializer writes either of them there.
        b.reference(b.type() == DocumentType.CREDIT_NOTE ? preceding : order);
        GSg2 buyer = partyOf("BY");
        b.references(new DocumentReferences(partyReference(buyer, "CR"), order, documentReference("VN"),
                documentReference("CT"), documentReference("AEP"), documentReference("AAK"), documentReference("ALO"),
                partyReference(buyer, "AOU")));
    }

    /** The first document reference ({@code G_SG1 RFF}) of a qualifier, or null. */
    private String documentReference(String qualifier) {
        for (GSg1 g : m.references) {
            if (g.reference != null && g.reference.reference != null
                    && qualifier.equals(g.reference.reference.qualifier) && g.reference.reference.identifier != null) {
                return g.reference.reference.identifier;
            }
        }
        return null;
    }

    /** The first reference ({@code G_SG3 RFF}) of a qualifier on a party, or null. */
    private static String partyReference(GSg2 party, String qualifier) {
        if (party == null) {
            return null;
        }
        for (GSg3 r : party.references) {
            if (r.reference != null && r.reference.reference != null && qualifier.equals(r.reference.reference.qualifier)
                    && r.reference.reference.identifier != null) {
                return r.reference.reference.identifier;
            }
        }
        return null;
    }

    /** The first party of a role ({@code NAD D_3035}), or null. */
    private GSg2 partyOf(String role) {
        for (GSg2 g : m.parties) {
            if (g.nameAndAddress != null && role.equals(g.nameAndAddress.partyFunction)) {
                return g;
            }
        }
        return null;
    }

    /**
     * The trade details the serializer writes: the invoicing period ({@code DTM 167/168}), the delivery party
     * ({@code NAD DP}, with the supply date {@code DTM 35} as its date), the payee ({@code NAD PE}), the tax
     * representative ({@code NAD LC}), every preceding invoice ({@code RFF OI} + {@code DTM 384}) and the direct
     * debits' mandate and creditor ids on the buyer ({@code RFF AVS} / {@code AII}) with the payment means code
     * ({@code PAI}).
     */
    private void tradeDetails(Document.Builder b, GSg2 deliveryParty, LocalDate supply) {
        DeliveryInformation delivery = null;
        if (deliveryParty != null) {
            Party p = party(deliveryParty);
            delivery = new DeliveryInformation(p.name(), partyId(deliveryParty), address(p), supply);
        }
        GSg2 pe = partyOf("PE");
        Payee payee = null;
        if (pe != null) {
            Party p = party(pe);
            payee = new Payee(p.name(), partyId(pe), p.companyNumber());
        }
        GSg2 lc = partyOf("LC");
        TaxRepresentative representative = null;
        if (lc != null) {
            Party p = party(lc);
            representative = new TaxRepresentative(p.name(), p.taxNumber(), address(p));
        }
        List<PrecedingInvoice> preceding = new ArrayList<>();
        for (GSg1 g : m.references) {
            if (g.reference != null && g.reference.reference != null && "OI".equals(g.reference.reference.qualifier)
                    && g.reference.reference.identifier != null) {
                preceding.add(new PrecedingInvoice(g.reference.reference.identifier, precedingDate(g)));
            }
        }
        b.tradeDetails(new TradeDetails(invoicePeriod, delivery, payee, representative,
                paymentMeans(partyOf("BY")), preceding, List.of()));
    }

    private LocalDate precedingDate(GSg1 g) {
        LocalDate date = null;
        for (SDtm d : g.dates) {
            if (d.dateTimePeriod != null && "384".equals(d.dateTimePeriod.qualifier)) {
                path = "G_SG1/S_DTM";
                date = date(d.dateTimePeriod.date);
            }
        }
        return date;
    }

    private static String partyId(GSg2 g) {
        return g.nameAndAddress.partyIdentification == null ? null : g.nameAndAddress.partyIdentification.partyId;
    }

    private static PostalAddress address(Party p) {
        PostalAddress a = new PostalAddress(p.address(), p.address2(), p.postCode(), p.city(), p.state(),
                p.countryCode());
        return a.isEmpty() ? null : a;
    }

    /**
     * The direct debits (BG-19) on the buyer, in the order the serializer writes them: each {@code RFF AVS}
     * (mandate, BT-89) then {@code RFF AII} (creditor id, BT-90); a second mandate, or a second creditor id,
     * starts the next payment means. Their code is the file's payment means code ({@code PAI}, BT-81).
     */
    private List<PaymentMeans> paymentMeans(GSg2 buyer) {
        List<PaymentMeans> out = new ArrayList<>();
        if (buyer == null) {
            return out;
        }
        String code = null;
        for (GSg8 g : m.paymentTerms) {
            if (code == null && g.instructions != null && g.instructions.instructions != null) {
                code = g.instructions.instructions.meansCode;
            }
        }
        String mandate = null;
        String creditor = null;
        for (GSg3 r : buyer.references) {
            if (r.reference == null || r.reference.reference == null || r.reference.reference.identifier == null) {
                continue;
            }
            String q = r.reference.reference.qualifier;
            boolean isMandate = "AVS".equals(q);
            if (!isMandate && !"AII".equals(q)) {
                continue;
            }
            if (isMandate ? mandate != null || creditor != null : creditor != null) {
                out.add(new PaymentMeans(code, null, null, null, null, null, mandate, creditor, null, null));
                mandate = null;
                creditor = null;
            }
            if (isMandate) {
                mandate = r.reference.reference.identifier;
            } else {
                creditor = r.reference.reference.identifier;
            }
        }
        if (mandate != null || creditor != null) {
            out.add(new PaymentMeans(code, null, null, null, null, null, mandate, creditor, null, null));
        }
        return out;
    }

    private String joinTexts(String subject) {
        return joinTexts(m.texts, subject);
    }

    private static String joinTexts(List<SFtx> texts, String subject) {
        List<String> parts = new ArrayList<>();
        for (SFtx f : texts) {
            if (subject.equals(f.subject)) {
                parts.addAll(Segments.components(f.literal));
            }
        }
        return TextChunks.join(parts, Segments.TEXT_COMPONENT);
    }

    /** The first exemption reason with its continuation segments (those without a VATEX code). */
    private String firstExemption() {
        List<String> parts = new ArrayList<>();
        boolean started = false;
        for (SFtx f : m.texts) {
            if (!"AGM".equals(f.subject)) {
                continue;
            }
            if (started && f.reference != null) {
                break;
            }
            started = true;
            parts.addAll(Segments.components(f.literal));
        }
        return TextChunks.join(parts, Segments.TEXT_COMPONENT);
    }

    private FursData furs(List<String> c) {
        java.time.Instant issuedAt = null;
        if (c.get(0) != null) {
            try {
                issuedAt = LocalDateTime.parse(c.get(0).trim()).atZone(DocumentMapper.SLOVENIA).toInstant();
            } catch (DateTimeParseException e) {
                throw new EslogReadException(Reason.INVALID_VALUE, "S_FTX[TXD]/C_C108/D_4440: not an ISO date-time, was "
                        + Messages.quote(c.get(0)), e);
            }
        }
        return new FursData(null, null, null, null, c.get(1), issuedAt, c.get(3), c.get(2), c.get(4), null, null);
    }

    private Party party(GSg2 g) {
        Party.Builder p = Party.builder();
        var nad = g.nameAndAddress;
        CC080 name = nad.partyName;
        if (name != null) {
            p.name(continued(java.util.Arrays.asList(name.name, name.name2, name.name3, name.name4,
                    name.name5), DocumentMapper.NAME_COMPONENT)
                    .get(0));
        }
        CC059 street = nad.street;
        if (street != null) {
            List<String> lines = continued(java.util.Arrays.asList(street.street1, street.street2, street.street3,
                    street.street4), DocumentMapper.STREET_COMPONENT);
            p.address(lines.get(0));
            if (lines.size() > 1) {
                p.address2(String.join(", ", lines.subList(1, lines.size())));
            }
        }
        p.city(nad.city).postCode(nad.postCode).countryCode(nad.countryCode);
        if (nad.partyIdentification != null && nad.partyIdentification.partyId != null) {
            // BT-29 / BT-46 (C_C082: D_3039 with its scheme D_1131).
            p.identifiers(List.of(new PartyIdentifier(nad.partyIdentification.partyId, nad.partyIdentification.scheme)));
        }
        if (nad.countrySubdivision != null) {
            p.state(nad.countrySubdivision.name);
        }
        String va = null;
        String ahp = null;
        for (GSg3 r : g.references) {
            if (r.reference == null || r.reference.reference == null) {
                continue;
            }
            String q = r.reference.reference.qualifier;
            String v = r.reference.reference.identifier;
            if ("VA".equals(q)) {
                va = v;
            } else if ("AHP".equals(q)) {
                ahp = v;
            } else if ("0199".equals(q) || "GN".equals(q)) {
                p.companyNumber(v);
            }
        }
        p.taxNumber(va != null ? va : ahp);
        if (va == null && ahp != null) {
            p.isTaxSubject(Boolean.FALSE);
        }
        for (GSg5 c : g.contacts) {
            for (SCom com : c.communications) {
                if (com.contact == null) {
                    continue;
                }
                if ("EM".equals(com.contact.channel)) {
                    p.email(com.contact.address);
                } else if ("TE".equals(com.contact.channel)) {
                    p.phone(com.contact.address);
                }
            }
        }
        return p.build();
    }

    /**
     * Groups components into texts: a component of exactly {@code max} characters continues in the next.
     *
     * @return at least one element (null when there are no components)
     */
    private static List<String> continued(List<String> parts, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        String previous = null;
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            if (current != null && TextChunks.length(previous) == max) {
                current.append(part);
            } else {
                if (current != null) {
                    out.add(current.toString());
                }
                current = new StringBuilder(part);
            }
            previous = part;
        }
        if (current != null) {
            out.add(current.toString());
        }
        if (out.isEmpty()) {
            out.add(null);
        }
        return out;
    }

    private void line(GSg26 g, List<LineItem> items) {
        LineItem.Builder item = LineItem.builder();
        List<String> names = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (SImd imd : g.descriptions) {
            if (imd.description == null) {
                continue;
            }
            if ("F".equals(imd.formatCode)) {
                names.add(imd.description.text);
                names.add(imd.description.text2);
            } else if ("A".equals(imd.formatCode)) {
                descriptions.add(imd.description.text);
                descriptions.add(imd.description.text2);
            }
        }
        item.name(TextChunks.join(names, DocumentMapper.ITEM_TEXT_COMPONENT));
        item.description(TextChunks.join(descriptions, DocumentMapper.ITEM_TEXT_COMPONENT));
        for (SPia pia : g.productIds) {
            if ("5".equals(pia.functionCode) && pia.itemNumber != null && "SA".equals(pia.itemNumber.typeCode)) {
                item.itemId(pia.itemNumber.itemId);
            }
        }
        BigDecimal quantity = null;
        String unit = null;
        for (SQty q : g.quantities) {
            if (q.details != null && (quantity == null || "47".equals(q.details.qualifier))) {
                quantity = number(q.details.quantity, "S_QTY/C_C186/D_6060");
                unit = q.details.unitCode;
            }
        }
        item.quantity(quantity).unit(unit);
        BigDecimal net = null;
        BigDecimal withTax = null;
        for (GSg27 a : g.amounts) {
            if (a.amount != null && a.amount.amount != null) {
                if ("203".equals(a.amount.amount.qualifier)) {
                    net = amount(a.amount, "G_SG27/S_MOA");
                } else if ("38".equals(a.amount.amount.qualifier)) {
                    withTax = amount(a.amount, "G_SG27/S_MOA");
                }
            }
        }
        if (net == null) {
            throw new EslogReadException(Reason.INVALID_VALUE, path + ": the line net amount (MOA 203, BT-131) is missing", null);
        }
        BigDecimal price = null;
        BigDecimal basis = null;
        BigDecimal listPrice = null;
        for (GSg29 p : g.prices) {
            if (p.price == null || p.price.information == null) {
                continue;
            }
            if ("AAA".equals(p.price.information.qualifier)) {
                // the net price for its base quantity (BT-146, BT-149), as the model holds it
                price = number(p.price.information.price, "G_SG29/S_PRI/C_C509/D_5118");
                basis = number(p.price.information.basisQuantity, "G_SG29/S_PRI/C_C509/D_5284");
            } else if ("AAB".equals(p.price.information.qualifier)) {
                listPrice = number(p.price.information.price, "G_SG29/S_PRI/C_C509/D_5118");
            }
        }
        if (basis != null && basis.signum() <= 0) {
            basis = null;
        }
        List<Discount> discounts = new ArrayList<>();
        BigDecimal allowances = BigDecimal.ZERO;
        List<AllowanceCharge> charges = new ArrayList<>();
        BigDecimal chargeTotal = BigDecimal.ZERO;
        BigDecimal priceDiscount = null;
        List<LineTax> taxes = taxes(g.taxes);
        for (GSg39 a : g.allowancesCharges) {
            List<SMoa> moas = new ArrayList<>(a.amounts.size());
            for (GSg42 x : a.amounts) {
                moas.add(x.amount);
            }
            String where = "G_SG39/G_SG42/S_MOA";
            BigDecimal value = amount(moas, "204", where);
            if (value == null) {
                value = amount(moas, "23", where);
            }
            if (value == null || a.allowanceCharge == null) {
                // a price discount (BT-147, MOA 509) is already inside the net price
                BigDecimal p509 = amount(moas, "509", where);
                priceDiscount = p509 != null ? p509 : priceDiscount;
                continue;
            }
            String reason = a.allowanceCharge.reason == null ? null : a.allowanceCharge.reason.reasonText;
            if (DocumentMapper.ROUNDING_REASON.equals(reason) && a.percentage == null) {
                // the serializer's rounding cent between quantity x net price and the line net: part of the line's
                // own arithmetic, neither a discount nor a charge of its own
                allowances = "C".equals(a.allowanceCharge.qualifier) ? allowances.subtract(value) : allowances.add(value);
                continue;
            }
            BigDecimal percent = percent(a.percentage == null ? null : a.percentage.percentage, "G_SG39/G_SG41");
            if ("C".equals(a.allowanceCharge.qualifier)) {
                charges.add(entry(a.allowanceCharge, value, percent, amount(moas, "25", where)));
                chargeTotal = chargeTotal.add(value);
                continue;
            }
            allowances = allowances.add(value);
            discounts.add(percent != null ? Discount.percent(percent) : Discount.amount(value));
        }
        BigDecimal total = net;
        if (price == null && quantity != null && quantity.signum() != 0) {
            price = total.add(allowances).subtract(chargeTotal).divide(quantity, Numbers.MAX_DECIMALS, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
        }
        if (priceDiscount == null && listPrice != null && price != null && listPrice.compareTo(price) > 0) {
            priceDiscount = listPrice.subtract(price); // BT-147 = BT-148 - BT-146, as the serializer leaves it
        }
        List<LineTax> lineTaxes = new ArrayList<>();
        BigDecimal taxSum = BigDecimal.ZERO;
        for (LineTax t : taxes) {
            BigDecimal taxAmount = t.amount() != null ? t.amount() : taxOn(total, t);
            lineTaxes.add(new LineTax(t.rate(), null, CalculationEngine.DEFAULT_TAX_NAME, total, taxAmount,
                    t.reverseCharge()));
            taxSum = taxSum.add(taxAmount);
        }
        item.price(price).discounts(discounts).charges(charges).taxes(lineTaxes).total(total)
                .totalWithTax(withTax != null ? withTax : total.add(taxSum))
                .totalDiscount(allowances).details(details(g, basis, listPrice, priceDiscount));
        items.add(item.build());
    }

    /**
     * The line details (BT-127..161) from the segments the serializer writes, the official sample's: the standard
     * item id {@code LIN C_C212}, the buyer's item id {@code PIA 5/IN}, the classifications {@code PIA 1} (without
     * a list version: e-SLOG has no place for it), the origin {@code ALI}, the period {@code DTM 167/168}, the note
     * {@code FTX ACB}, the attributes {@code FTX ACF}, the order line {@code RFF ON/D_1156} and the accounting
     * reference {@code RFF AWQ}, with the prices' base quantity, list price and price discount.
     */
    private LineDetails details(GSg26 g, BigDecimal basis, BigDecimal listPrice, BigDecimal priceDiscount) {
        LineDetails.Builder d = LineDetails.builder().priceBaseQuantity(basis).listPrice(listPrice)
                .priceDiscount(priceDiscount);
        if (g.line != null && g.line.itemNumber != null && g.line.itemNumber.itemId != null) {
            d.standardId(new ItemIdentifier(g.line.itemNumber.itemId, g.line.itemNumber.typeCode));
        }
        List<ItemClassification> classifications = new ArrayList<>();
        for (SPia pia : g.productIds) {
            if (pia.itemNumber == null || pia.itemNumber.itemId == null) {
                continue;
            }
            if ("5".equals(pia.functionCode) && "IN".equals(pia.itemNumber.typeCode)) {
                d.buyerItemId(pia.itemNumber.itemId);
            } else if ("1".equals(pia.functionCode)) {
                classifications.add(new ItemClassification(pia.itemNumber.itemId, pia.itemNumber.typeCode, null));
            }
        }
        d.classifications(classifications);
        for (SAli ali : g.origins) {
            if (ali.countryOfOrigin != null) {
                d.originCountry(ali.countryOfOrigin);
                break;
            }
        }
        LocalDate start = null;
        LocalDate end = null;
        String linePath = path;
        for (SDtm dtm : g.dates) {
            if (dtm.dateTimePeriod != null && dtm.dateTimePeriod.date != null) {
                String q = dtm.dateTimePeriod.qualifier;
                if ("167".equals(q) || "168".equals(q)) {
                    path = linePath + "/S_DTM";
                    LocalDate date = date(dtm.dateTimePeriod.date);
                    if ("167".equals(q)) {
                        start = date;
                    } else {
                        end = date;
                    }
                }
            }
        }
        path = linePath;
        if (start != null || end != null) {
            d.period(new Period(start, end));
        }
        d.note(joinTexts(g.texts, "ACB"));
        List<ItemAttribute> attributes = new ArrayList<>();
        for (SFtx f : g.texts) {
            if ("ACF".equals(f.subject) && f.literal != null) {
                attributes.add(new ItemAttribute(f.literal.text1, f.literal.text2));
            }
        }
        d.attributes(attributes);
        for (GSg30 r : g.references) {
            if (r.reference == null || r.reference.reference == null) {
                continue;
            }
            if ("ON".equals(r.reference.reference.qualifier) && r.reference.reference.lineId != null) {
                d.orderLineReference(r.reference.reference.lineId);
            } else if ("AWQ".equals(r.reference.reference.qualifier) && r.reference.reference.identifier != null) {
                d.accountingReference(r.reference.reference.identifier);
            }
        }
        return d.build();
    }

    /** An allowance or charge as the model holds it: amount, percent and base where stated, reason text and code. */
    private static AllowanceCharge entry(SAlc alc, BigDecimal amount, BigDecimal percent, BigDecimal base) {
        boolean charge = "C".equals(alc.qualifier);
        String reason = alc.reason == null ? null : alc.reason.reasonText;
        String code = charge ? (alc.specialServices == null ? null : alc.specialServices.code)
                : alc.reason == null ? null : alc.reason.reasonCode;
        return new AllowanceCharge(amount, percent, percent == null ? null : base, reason, code, null, null);
    }

    /** The percentage of an allowance or charge ({@code S_PCD/C_C501/D_5482}), or null. */
    private BigDecimal percent(SPcd pcd, String where) {
        return pcd == null || pcd.details == null ? null : number(pcd.details.percentage, where + "/S_PCD/C_C501/D_5482");
    }

    /** The amount of the first {@code MOA} of a qualifier among an allowance's amounts, or null. */
    private BigDecimal amount(List<SMoa> moas, String qualifier, String where) {
        for (SMoa moa : moas) {
            if (moa != null && moa.amount != null && qualifier.equals(moa.amount.qualifier)) {
                return amount(moa, where);
            }
        }
        return null;
    }

    private BigDecimal sum(List<AllowanceCharge> entries) {
        BigDecimal sum = BigDecimal.ZERO;
        for (AllowanceCharge e : entries) {
            sum = sum.add(e.amount());
        }
        return money.round(sum);
    }

    private BigDecimal taxOn(BigDecimal base, LineTax tax) {
        if (tax.isReverseCharge()) {
            return money.exact(BigDecimal.ZERO);
        }
        return money.round(RoundingPolicy.percentOf(base, tax.rate()));
    }

    /** VAT taxes of a line: category O (not subject) gives none; AE is reverse charge. */
    private List<LineTax> taxes(List<GSg34> groups) {
        List<LineTax> out = new ArrayList<>();
        for (GSg34 g : groups) {
            LineTax t = tax(g.tax);
            if (t == null) {
                continue;
            }
            BigDecimal amount = null;
            for (SMoa moa : g.amounts) {
                if (moa.amount != null && "124".equals(moa.amount.qualifier)) {
                    amount = amount(moa, "G_SG34/S_MOA");
                }
            }
            out.add(new LineTax(t.rate(), null, null, null, amount, t.reverseCharge()));
        }
        return out;
    }

    private LineTax tax(STax tax) {
        if (tax == null || (tax.type != null && tax.type.code != null && !"VAT".equals(tax.type.code))) {
            return null;
        }
        VatCategory category = VatCategory.ofCode(tax.categoryCode);
        if (category == VatCategory.O) {
            return null;
        }
        BigDecimal rate = tax.detail == null ? null : number(tax.detail.rate, "S_TAX/C_C243/D_5278");
        if (rate == null) {
            rate = BigDecimal.ZERO;
        }
        return new LineTax(rate, null, null, null, null, category == VatCategory.AE ? Boolean.TRUE : null);
    }

    /**
     * A document allowance or charge (BG-20, BG-21) with its percent, base, reason, code and the VAT of its
     * {@code G_SG22}; the serializer's rounding adjustment of a gross-priced group (reason "Rounding difference",
     * no percent, no code) stays a line of its own, as it is no allowance the seller granted.
     */
    private void documentAllowance(GSg16 g, List<LineItem> items) {
        if (g.allowanceCharge == null) {
            return;
        }
        List<SMoa> moas = new ArrayList<>(g.amounts.size());
        for (GSg20 a : g.amounts) {
            moas.add(a.amount);
        }
        boolean allowance = "A".equals(g.allowanceCharge.qualifier);
        String where = "G_SG20/S_MOA";
        BigDecimal value = amount(moas, allowance ? "204" : "23", where);
        if (value == null) {
            value = amount(moas, allowance ? "23" : "204", where);
        }
        if (value == null) {
            return;
        }
        List<LineTax> taxes = new ArrayList<>();
        STax vat = null;
        for (GSg22 t : g.taxes) {
            LineTax tax = tax(t.tax);
            if (tax != null) {
                taxes.add(tax);
                vat = vat == null ? t.tax : vat;
            }
        }
        BigDecimal percent = percent(g.percentage == null ? null : g.percentage.percentage, "G_SG19");
        AllowanceCharge entry = entry(g.allowanceCharge, value, percent, amount(moas, "25", where));
        if (DocumentMapper.ROUNDING_REASON.equals(entry.reason()) && percent == null && entry.reasonCode() == null) {
            items.add(adjustmentLine(entry.reason(), value, allowance ? BigDecimal.ONE.negate() : BigDecimal.ONE, taxes));
            return;
        }
        if (vat != null) {
            entry = entry.withTax(taxes.get(0).rate(), vat.categoryCode == null ? null
                    : WireValues.parse(TaxCategory.class, vat.categoryCode.strip()).orElse(null));
        }
        (allowance ? allowances : charges).add(entry);
    }

    /** A line for an allowance or charge: quantity 1 (charge) or -1 (allowance), price = the amount. */
    private LineItem adjustmentLine(String name, BigDecimal amount, BigDecimal quantity, List<LineTax> taxes) {
        BigDecimal total = money.round(amount.multiply(quantity));
        List<LineTax> lineTaxes = new ArrayList<>();
        BigDecimal taxSum = BigDecimal.ZERO;
        for (LineTax t : taxes) {
            BigDecimal taxAmount = taxOn(total, t);
            lineTaxes.add(new LineTax(t.rate(), null, CalculationEngine.DEFAULT_TAX_NAME, total, taxAmount,
                    t.reverseCharge()));
            taxSum = taxSum.add(taxAmount);
        }
        return LineItem.builder().name(name).quantity(quantity).price(amount).unit(UnitCodes.DEFAULT).taxes(lineTaxes)
                .total(total).totalWithTax(total.add(taxSum)).totalDiscount(money.exact(BigDecimal.ZERO)).build();
    }

    private List<TaxSummary> taxes() {
        List<TaxSummary> out = new ArrayList<>();
        for (int i = 0; i < m.taxBreakdown.size(); i++) {
            path = "G_SG52[" + (i + 1) + "]";
            GSg52 g = m.taxBreakdown.get(i);
            LineTax t = tax(g.tax);
            if (t == null) {
                continue;
            }
            BigDecimal base = null;
            BigDecimal amount = null;
            for (SMoa moa : g.amounts) {
                if (moa.amount == null) {
                    continue;
                }
                if ("125".equals(moa.amount.qualifier)) {
                    base = amount(moa, "S_MOA");
                } else if ("124".equals(moa.amount.qualifier)) {
                    amount = amount(moa, "S_MOA");
                }
            }
            if (base == null) {
                throw new EslogReadException(Reason.INVALID_VALUE, path
                        + ": the VAT breakdown has no taxable amount (MOA 125, BT-116)", null);
            }
            out.add(TaxSummary.of(CalculationEngine.DEFAULT_TAX_NAME, t.rate(), null, base,
                    amount == null ? taxOn(base, t) : amount, t.isReverseCharge()));
        }
        return out;
    }

    private void totals(Document.Builder b, DocumentType type, List<LineItem> items) {
        BigDecimal lineSum = BigDecimal.ZERO;
        for (LineItem item : items) {
            lineSum = lineSum.add(item.total());
        }
        BigDecimal net = total("389");
        BigDecimal vat = total("176");
        BigDecimal withVat = total("388");
        BigDecimal paid = total("113");
        BigDecimal rounding = total("366");
        BigDecimal due = total("9");
        if (net == null) {
            net = lineSum.subtract(sum(allowances)).add(sum(charges));
        }
        if (vat == null) {
            vat = BigDecimal.ZERO;
            for (TaxSummary t : b.build().taxes()) {
                vat = vat.add(t.taxAmount());
            }
        }
        if (withVat == null) {
            withVat = net.add(vat);
        }
        BigDecimal totalWithTax = rounding == null ? withVat : withVat.add(rounding);
        b.total(money.round(net)).totalWithTax(money.round(totalWithTax))
                .roundingCorrection(rounding == null || rounding.signum() == 0 ? null : rounding);
        if (type.isPayable()) {
            BigDecimal p = paid == null ? money.exact(BigDecimal.ZERO) : paid;
            BigDecimal d = due == null ? totalWithTax.subtract(p) : due;
            b.totalPaid(money.round(p)).totalDue(money.round(d)).paidInFull(d.signum() <= 0);
            if (p.signum() != 0) {
                b.payments(List.of(Payment.builder().amount(p).type(PaymentType.OTHER)
                        .note("prepaid amount stated in e-SLOG (BT-113)").build()));
            }
        }
        String quote = currency("6");
        BigDecimal rate = exchangeRate();
        if (quote != null && rate != null) {
            LocalDate rateDate = null;
            for (GSg7 g : m.currencies) {
                if (g.currency != null && g.currency.details != null && "6".equals(g.currency.details.usage)) {
                    for (SDtm d : g.dates) {
                        if (d.dateTimePeriod != null && "134".equals(d.dateTimePeriod.qualifier)) {
                            path = "G_SG7/S_DTM";
                            rateDate = date(d.dateTimePeriod.date);
                        }
                    }
                }
            }
            RoundingPolicy target = RoundingPolicy.of(currencyOf(quote));
            b.exchangeRate(new ExchangeRate(rate, null, rateDate, quote));
            b.totalConverted(target.round(net.multiply(rate)));
            b.totalWithTaxConverted(target.round(totalWithTax.multiply(rate)));
        }
    }

    /** The stated rate (D_5402), else one derived from the VAT total in both currencies (MOA 2 / MOA 176). */
    private BigDecimal exchangeRate() {
        for (GSg7 g : m.currencies) {
            if (g.currency != null && g.currency.details != null && "6".equals(g.currency.details.usage)
                    && g.currency.rate != null) {
                path = "G_SG7/S_CUX";
                return number(g.currency.rate, "D_5402");
            }
        }
        BigDecimal converted = total("2");
        BigDecimal vat = total("176");
        if (converted != null && vat != null && vat.signum() != 0) {
            return converted.divide(vat, Numbers.MAX_DECIMALS, RoundingMode.HALF_UP);
        }
        return null;
    }

    private BigDecimal total(String qualifier) {
        for (int i = 0; i < m.totals.size(); i++) {
            GSg50 g = m.totals.get(i);
            if (g.amount != null && g.amount.amount != null && qualifier.equals(g.amount.amount.qualifier)) {
                path = "G_SG50[" + (i + 1) + "]";
                return amount(g.amount, "S_MOA");
            }
        }
        return null;
    }

    private EslogContext context() {
        EslogContext ctx = EslogContext.NONE;
        for (GSg2 g : m.parties) {
            if (g.nameAndAddress != null && "SE".equals(g.nameAndAddress.partyFunction)) {
                for (SFii f : g.financialInstitutions) {
                    if ("RB".equals(f.partyFunction)) {
                        String iban = f.account == null ? null : f.account.accountId;
                        String bic = f.institution == null ? null : f.institution.bic;
                        ctx = ctx.withBankAccount(new BankAccount(iban, bic, null, true));
                        break;
                    }
                }
            }
        }
        for (GSg1 g : m.references) {
            if (g.reference == null || g.reference.reference == null) {
                continue;
            }
            String q = g.reference.reference.qualifier;
            String v = g.reference.reference.identifier;
            if ("PQ".equals(q) && v != null) {
                ctx = ctx.withPaymentReference(v);
            } else if ("OI".equals(q) && v != null && ctx.precedingInvoice() == null) {
                // several preceding invoices: the first is the one the context names (the serializer writes it first)
                ctx = ctx.withPrecedingInvoice(new EslogContext.PrecedingInvoice(v, precedingDate(g)));
            }
        }
        for (GSg8 g : m.paymentTerms) {
            if (g.instructions != null && g.instructions.instructions != null
                    && g.instructions.instructions.meansCode != null) {
                ctx = ctx.withPaymentMeansCode(g.instructions.instructions.meansCode);
            }
        }
        for (SFtx f : m.texts) {
            if ("ALQ".equals(f.subject) && f.literal != null && f.literal.text1 != null) {
                ctx = ctx.withPurposeCode(f.literal.text1);
            }
        }
        return ctx;
    }

    private BigDecimal amount(SMoa moa, String where) {
        return moa.amount == null ? null : number(moa.amount.value, where + "/C_C516/D_5004");
    }

    private BigDecimal number(String text, String where) {
        try {
            return Numbers.parse(text);
        } catch (NumberFormatException e) {
            throw new EslogReadException(Reason.INVALID_VALUE, path + "/" + where + ": not a number, was "
                    + Messages.quote(text), e);
        }
    }

    private LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new EslogReadException(Reason.INVALID_VALUE, path + "/C_C507/D_2380: not a YYYY-MM-DD date, was "
                    + Messages.quote(text), e);
        }
    }
}
