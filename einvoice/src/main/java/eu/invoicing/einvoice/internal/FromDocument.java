package eu.invoicing.einvoice.internal;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.calc.AllowanceCharges;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.PartyIdentifier;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.einvoice.EInvoiceOptions;
import eu.invoicing.einvoice.Endpoint;
import eu.invoicing.einvoice.Format;
import eu.invoicing.einvoice.internal.EnInvoice.EnLine;
import eu.invoicing.einvoice.internal.EnInvoice.EnParty;
import eu.invoicing.einvoice.internal.EnInvoice.EnPaymentMeans;
import eu.invoicing.einvoice.internal.EnInvoice.EnTotals;
import eu.invoicing.einvoice.internal.EnInvoice.EnVat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps a calculated document of this library, its issuing entity and the {@link EInvoiceOptions} to the
 * EN 16931 semantic invoice, collecting every field EN 16931 needs and the document lacks (or holds in a
 * form the norm refuses) into one {@link ValidationException}. Stateless and thread-safe.
 */
public final class FromDocument {

    /** EN 16931 allows at most two decimals in every amount (rules BR-DEC-*), whatever the currency. */
    public static final int MAX_AMOUNT_DECIMALS = 2;

    /** PEPPOL-EN16931-R040: an amount may differ from base × percent / 100 by at most this. */
    private static final BigDecimal R040_SLACK = new BigDecimal("0.02");

    /** EAS schemes of VAT numbers, by country: the endpoint derived when the host gives none. */
    private static final Map<String, String> VAT_EAS = Map.ofEntries(
            Map.entry("AT", "9914"), Map.entry("BE", "9925"), Map.entry("DE", "9930"), Map.entry("ES", "9920"),
            Map.entry("FR", "9957"), Map.entry("HR", "9934"), Map.entry("IT", "9906"), Map.entry("NL", "9944"),
            Map.entry("SI", "9949"));

    private FromDocument() {
    }

    /**
     * @param doc a calculated document, not null
     * @param entity its issuing entity, not null
     * @param format the target format, not null
     * @param options the data the document does not carry, not null
     * @param dueDateRule whether the CEN rules in force state BR-CO-25 (releases before 1.3.16)
     * @return the semantic invoice
     * @throws ValidationException listing every field path EN 16931 cannot be given as it is
     */
    public static EnInvoice map(Document doc, Entity entity, Format format, EInvoiceOptions options,
            boolean dueDateRule) {
        Objects.requireNonNull(doc, "document");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        ViolationCollector v = new ViolationCollector();
        String typeCode = typeCode(doc.type(), format, v);
        if (doc.total() == null || doc.totalWithTax() == null) {
            v.add("total", "not_calculated", "the document is not calculated: run the calculation engine first");
            v.throwIfAny();
        }
        if (doc.number() == null || doc.number().isBlank()) {
            v.add("number", "required", "EN 16931 needs an invoice number (BT-1, BR-02): finalize the document first");
        }
        if (doc.date() == null) {
            v.add("date", "required", "EN 16931 needs an issue date (BT-2, BR-03)");
        }
        CurrencyCode currency = doc.currency();
        int scale = Math.min(currency.minorUnits(), MAX_AMOUNT_DECIMALS);
        boolean taxSubject = entity.isTaxSubject() && !Boolean.FALSE.equals(issuerOf(doc, entity).isTaxSubject());

        List<EnLine> lines = new ArrayList<>();
        List<String> linePaths = new ArrayList<>();
        Map<String, VatGroup> groups = new LinkedHashMap<>();
        int lineNo = 0;
        for (int i = 0; i < doc.items().size(); i++) {
            LineItem item = doc.items().get(i);
            if (item.isSeparator()) {
                continue;
            }
            String path = "items[" + i + "]";
            lineNo++;
            if (item.taxes().size() > 1) {
                v.add(path + ".taxes", "one_vat_per_line", "EN 16931 carries one VAT rate per line, the line has "
                        + item.taxes().size());
                continue;
            }
            LineTax tax = item.taxes().isEmpty() ? null : item.taxes().get(0);
            TaxSummary group = tax == null ? null : doc.taxGroupOf(tax);
            boolean reverse = tax != null && (tax.isReverseCharge() || group != null && group.isReverseCharge());
            VatCategory category = VatCategory.of(tax, reverse, taxSubject, doc.transactionType());
            BigDecimal rate = category == VatCategory.AE ? BigDecimal.ZERO
                    : category.hasRate() ? tax.rate().stripTrailingZeros() : null;
            igicAtZero(category, rate, format, path + ".taxes[0].rate", v);
            String unit = UnitCodes.toRec20(item.unit());
            if (unit == null) {
                v.add(path + ".unit", "unknown_unit", "EN 16931 needs a UN/ECE Rec 20 unit code (BT-130), and "
                        + Violation.quote(item.unit()) + " is neither a code nor a known unit name");
            }
            BigDecimal net = amount(item.total(), scale, path + ".total", v);
            BigDecimal discount = item.totalDiscount() == null || item.totalDiscount().signum() == 0 ? null
                    : amount(item.totalDiscount(), scale, path + ".total_discount", v);
            BigDecimal quantity = item.quantity();
            if (quantity == null || quantity.signum() == 0) {
                v.add(path + ".quantity", "required", "EN 16931 needs a non-zero quantity (BT-129)");
                continue;
            }
            List<EnAllowanceCharge> charges = lineCharges(item, path, scale, v);
            BigDecimal price = item.price();
            if (price == null && net != null) {
                // A tax-inclusive line: EN 16931 prices are net, so the net price is the line's net subtotal
                // (before its discounts and charges) per unit, kept to the currency's division precision.
                BigDecimal subtotal = (discount == null ? net : net.add(discount)).subtract(sum(charges));
                BigDecimal base = item.details().priceBaseQuantity();
                price = RoundingPolicy.of(currency).divide(base == null ? subtotal : subtotal.multiply(base), quantity)
                        .stripTrailingZeros();
            }
            if (price != null && price.signum() < 0) {
                v.add(path + ".price", "negative", "EN 16931 refuses a negative item net price (BR-27), was " + price);
            }
            linePaths.add(path);
            lines.add(new EnLine(item.id() != null && item.id().length() <= 20 ? item.id() : String.valueOf(lineNo),
                    quantity.stripTrailingZeros(), unit, net, discount, item.name(), item.description(), item.itemId(),
                    price == null ? null : plain(price), category.name(), rate, item.details(), charges));
            if (net != null) {
                String key = category.name() + "|" + (rate == null ? "" : rate.toPlainString());
                VatGroup g = groups.computeIfAbsent(key, k -> new VatGroup(category, rate));
                g.base = g.base.add(net);
                if (tax != null && g.reason == null && g.reasonCode == null) {
                    // One reason per VAT breakdown (BG-23): the first line that gives one states it.
                    g.reason = blankToNull(tax.exemptionReason());
                    g.reasonCode = blankToNull(tax.exemptionReasonCode());
                }
                if (group != null && !g.summaries.contains(group)) {
                    g.summaries.add(group);
                }
            }
        }
        if (lines.isEmpty()) {
            v.add("items", "required", "EN 16931 needs at least one invoice line (BG-25, BR-16)");
        }

        List<EnAllowanceCharge> documentLevel = documentAllowances(doc, taxSubject, format, scale, groups, v);
        String reason = blankToNull(doc.taxClause());
        List<EnVat> vat = new ArrayList<>();
        BigDecimal vatTotal = BigDecimal.ZERO;
        BigDecimal lineTotal = BigDecimal.ZERO;
        for (VatGroup g : groups.values()) {
            BigDecimal amount = BigDecimal.ZERO;
            if (g.category.chargesTax()) {
                for (TaxSummary s : g.summaries) {
                    amount = amount.add(s.taxAmount());
                }
            }
            amount = amount(amount, scale, "taxes", v);
            BigDecimal base = amount(g.base, scale, "taxes", v);
            if (amount == null || base == null) {
                continue;
            }
            vatTotal = vatTotal.add(amount);
            lineTotal = lineTotal.add(base);
            boolean exempt = g.category.needsExemptionReason();
            // A reason the lines state is written as stated (text, code or both); only a group whose lines state
            // none falls back to the document's tax clause and the category's default text and VATEX code.
            boolean stated = g.reason != null || g.reasonCode != null;
            String text = stated ? g.reason : reason != null ? reason : g.category.defaultText();
            String code = stated ? g.reasonCode : g.category.vatex();
            // XRechnung states a rate in every breakdown (BR-DE-14), also the one not subject to VAT, which EN 16931
            // allows there (BR-48) though not on its lines, allowances and charges (BR-O-05..07): 0.
            BigDecimal rate = g.rate == null && format.isXRechnung() ? BigDecimal.ZERO : g.rate;
            vat.add(new EnVat(g.category.name(), rate, base, amount, exempt ? text : null, exempt ? code : null));
        }
        BigDecimal rounding = doc.roundingCorrection() == null || doc.roundingCorrection().signum() == 0 ? null
                : amount(doc.roundingCorrection(), scale, "rounding_correction", v);
        BigDecimal paid = doc.totalPaid() == null || doc.totalPaid().signum() == 0 ? null
                : amount(doc.totalPaid(), scale, "total_paid", v);
        BigDecimal inclusive = lineTotal.add(vatTotal);
        BigDecimal payable = inclusive.subtract(paid == null ? BigDecimal.ZERO : paid)
                .add(rounding == null ? BigDecimal.ZERO : rounding);

        Party issuer = issuerOf(doc, entity);
        boolean anyO = groups.values().stream().anyMatch(g -> g.category == VatCategory.O);
        if (anyO && doc.tradeDetails().taxRepresentative() != null) {
            v.add("tax_representative", "conflict", "an invoice not subject to VAT (category O) carries no tax "
                    + "representative: BR-O-02 forbids the VAT identifier (BT-63) that BR-56 requires of one");
        }
        EnParty seller = party(issuer, "issuer", !anyO, true, v);
        if (seller.vatId() == null && seller.legalId() == null && seller.identifiers().isEmpty()) {
            v.add("issuer.tax_number", "required", "EN 16931 needs the seller's VAT identifier, legal registration"
                    + " identifier or seller identifier (BT-31 / BT-30 / BT-29, BR-CO-26): the issuer has no tax_number,"
                    + " company_number nor identifiers");
        }
        Party customer = doc.customer();
        EnParty buyer;
        if (customer == null) {
            v.add("customer", "required", "EN 16931 needs a buyer (BG-7)");
            buyer = null;
        } else {
            buyer = party(customer, "customer", !anyO, false, v);
            if (buyer.identifiers().size() > 1) {
                v.add("customer.identifiers", "too_many", "EN 16931 has one buyer identifier (BT-46, UBL-SR-16), the"
                        + " customer has " + buyer.identifiers().size());
            }
        }

        String buyerReference = TermsMapping.buyerReference(doc, options);
        List<EnTerms.EnPreceding> precedingInvoices = TermsMapping.precedingInvoices(doc, options);
        EnTerms.EnPreceding preceding = precedingInvoices.isEmpty() ? null : precedingInvoices.get(0);
        String orderReference = TermsMapping.orderReference(doc, options);
        if (format == Format.PEPPOL) {
            if (buyerReference == null && orderReference == null) {
                v.add("buyer_reference", "required", "Peppol BIS needs a buyer reference or an order reference "
                        + "(PEPPOL-EN16931-R003): set the document's buyer_reference, order_reference or reference");
            }
            seller = withEndpoint(seller, options.sellerEndpoint(), "options.seller_endpoint", v);
            buyer = buyer == null ? null : withEndpoint(buyer, options.buyerEndpoint(), "options.buyer_endpoint", v);
        }

        if (format.isXRechnung()) {
            if (buyerReference == null) {
                v.add("buyer_reference", "required",
                        "XRechnung needs the buyer reference (BT-10, BR-DE-15), for public buyers the Leitweg-ID: set "
                        + "the document's buyer_reference" + (doc.type() == DocumentType.CREDIT_NOTE ? "" : " or reference"));
            }
            String contact = blankToNull(options.sellerContact());
            if (contact == null) {
                v.add("options.seller_contact", "required", "XRechnung needs the seller's contact point (BT-41, BR-DE-5), "
                        + "a person or department: set EInvoiceOptions.sellerContact");
            }
            seller = seller.withContactName(contact);
            requireForXRechnung(seller.phone(), "issuer.phone", "the seller's contact telephone (BT-42, BR-DE-6)", v);
            requireForXRechnung(seller.email(), "issuer.email", "the seller's contact e-mail (BT-43, BR-DE-7)", v);
            requireForXRechnung(seller.city(), "issuer.city", "the seller's city (BT-37, BR-DE-3)", v);
            requireForXRechnung(seller.postCode(), "issuer.post_code", "the seller's post code (BT-38, BR-DE-4)", v);
            if (buyer != null) {
                requireForXRechnung(buyer.city(), "customer.city", "the buyer's city (BT-52, BR-DE-8)", v);
                requireForXRechnung(buyer.postCode(), "customer.post_code", "the buyer's post code (BT-53, BR-DE-9)", v);
            }
            seller = withEndpoint(seller, options.sellerEndpoint(), "options.seller_endpoint", true, "XRechnung", v);
            buyer = buyer == null ? null
                    : withEndpoint(buyer, options.buyerEndpoint(), "options.buyer_endpoint", true, "XRechnung", v);
        }

        LocalDate periodStart = null;
        LocalDate periodEnd = null;
        LocalDate delivery = null;
        Period period = doc.tradeDetails().invoicePeriod();
        if (period != null) {
            // The invoicing period wins over date_service / date_service_to, which keep their meaning otherwise.
            periodStart = period.start();
            periodEnd = period.end();
        } else if (doc.dateService() != null && doc.dateServiceTo() != null) {
            periodStart = doc.dateService();
            periodEnd = doc.dateServiceTo();
        } else if (doc.dateService() != null) {
            delivery = doc.dateService();
        }
        CiusLineRules.check(format, lines, linePaths, periodStart, periodEnd, v);
        if (doc.tradeDetails().delivery() != null && doc.tradeDetails().delivery().date() != null) {
            delivery = doc.tradeDetails().delivery().date();
        } else if (period != null && doc.dateService() != null && doc.dateServiceTo() == null) {
            delivery = doc.dateService();
        }
        boolean intraCommunity = groups.values().stream().anyMatch(g -> g.category == VatCategory.K);
        if (delivery == null && periodStart == null && intraCommunity) {
            // BR-IC-11: an intra-community supply states when it was delivered.
            delivery = doc.date();
        }
        if (intraCommunity && format.isXRechnung()
                && (doc.tradeDetails().delivery() == null || doc.tradeDetails().delivery().address() == null)) {
            // BR-IC-12 needs a deliver-to country, which the other formats take from the buyer; XRechnung then
            // demands the whole deliver-to address (BR-DE-10/11), which the writer does not invent.
            v.add("delivery.address", "required", "XRechnung needs the deliver-to address of an intra-community supply"
                    + " (BT-80 for BR-IC-12, with city and post code for BR-DE-10 / BR-DE-11)");
        }

        List<String> notes = new ArrayList<>();
        if (blankToNull(doc.note()) != null) {
            notes.add(doc.note());
        }
        EnTerms terms = TermsMapping.map(doc, entity, format, precedingInvoices, notes.size(), seller.name(), v);
        EnPaymentMeans means = null;
        if (!terms.paymentMeans().isEmpty()) {
            EnTerms.EnMeans m = terms.paymentMeans().get(0);
            means = new EnPaymentMeans(m.code(), m.remittance(), m.iban(), m.bic(), m.accountName());
        }
        if (means == null && format.isXRechnung()) {
            v.add("issuer.bank_accounts", "required", "XRechnung needs payment instructions (BG-16, BR-DE-1): give the "
                    + "entity a default bank account with an IBAN");
        }
        String paymentTerms = blankToNull(doc.paymentTerms());
        // BR-CO-25, as the CEN rules up to 1.3.15 state it: the CII rules check every document, the UBL rules
        // the Invoice root only (the official UBL credit note has neither); 1.3.16 dropped the rule. Neither the
        // Peppol BIS nor the XRechnung rules ask for a due date of their own.
        boolean ublCredit = format.isUbl() && doc.type() == DocumentType.CREDIT_NOTE;
        if (dueDateRule && payable.signum() > 0 && doc.dateDue() == null && paymentTerms == null && !ublCredit) {
            v.add("date_due", "required", "the CEN EN 16931 rules before 1.3.16 need a due date or payment terms"
                    + " when an amount is due (BR-CO-25" + (format.isUbl() ? ", UBL Invoice" : ", CII") + ")");
        }
        v.throwIfAny();

        return new EnInvoice(doc.number(), doc.date(), typeCode, currency.code(), doc.dateDue(), buyerReference,
                orderReference, notes, preceding == null ? null : preceding.number(),
                preceding == null ? null : preceding.date(), periodStart, periodEnd, delivery,
                seller, buyer, means, paymentTerms, format.customizationId(), format.profileId(), vat,
                totals(documentLevel, lineTotal, vatTotal, inclusive, paid, rounding, payable), lines, terms,
                documentLevel);
    }

    /** BG-28: the line's charges, each with a reason or code (BR-43 / BR-44) and at most two decimals. */
    private static List<EnAllowanceCharge> lineCharges(LineItem item, String path, int scale, ViolationCollector v) {
        List<EnAllowanceCharge> out = new ArrayList<>(item.charges().size());
        for (int c = 0; c < item.charges().size(); c++) {
            EnAllowanceCharge e = entry(item.charges().get(c), true, null, null, path + ".charges[" + c + "]", "BR-44",
                    scale, v);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * BG-20 / BG-21: the document allowances and charges, each added to the VAT breakdown of its category and
     * rate (BR-S-08 and its siblings), in the engine's group (AllowanceCharges.groupOf).
     */
    private static List<EnAllowanceCharge> documentAllowances(Document doc, boolean taxSubject, Format format,
            int scale, Map<String, VatGroup> groups, ViolationCollector v) {
        List<EnAllowanceCharge> out = new ArrayList<>();
        for (int list = 0; list < 2; list++) {
            boolean charge = list == 1;
            List<AllowanceCharge> entries = charge ? doc.charges() : doc.allowances();
            for (int i = 0; i < entries.size(); i++) {
                AllowanceCharge a = entries.get(i);
                TaxSummary group = AllowanceCharges.groupOf(doc, a);
                boolean reverse = a.taxCategory() == TaxCategory.AE || group != null && group.isReverseCharge();
                LineTax tax = a.taxRate() == null ? null : new LineTax(a.taxRate(), null, null, null, null,
                        reverse ? Boolean.TRUE : null, a.taxCategory(), null, null);
                VatCategory category = VatCategory.of(tax, reverse, taxSubject, doc.transactionType());
                BigDecimal rate = category == VatCategory.AE ? BigDecimal.ZERO
                        : category.hasRate() ? a.taxRate().stripTrailingZeros() : null;
                String at = (charge ? "charges[" : "allowances[") + i + "]";
                igicAtZero(category, rate, format, at + ".tax_rate", v);
                EnAllowanceCharge e = entry(a, charge, category.name(), rate, at, charge ? "BR-38" : "BR-33", scale, v);
                if (e == null) {
                    continue;
                }
                out.add(e);
                String key = category.name() + "|" + (rate == null ? "" : rate.toPlainString());
                VatGroup g = groups.computeIfAbsent(key, k -> new VatGroup(category, rate));
                g.base = charge ? g.base.add(e.amount()) : g.base.subtract(e.amount());
                if (group != null && !g.summaries.contains(group)) {
                    g.summaries.add(group);
                }
            }
        }
        return out;
    }

    /**
     * EN 16931 allows IGIC (L) at 0 % (BR-AF-05..07: "0 or greater"), but the CEN rules for CII (1.3.15 and 1.3.16)
     * test a rate above 0, so a CII with it fails validation: refused for CII, written in UBL.
     */
    private static void igicAtZero(VatCategory category, BigDecimal rate, Format format, String path,
            ViolationCollector v) {
        if (category == VatCategory.L && rate != null && rate.signum() == 0 && !format.isUbl()) {
            v.add(path, "unsupported", "the CEN rules for CII refuse IGIC (L) at 0 % (BR-AF-05..07 test a rate above"
                    + " 0, though EN 16931 allows 0): write UBL");
        }
    }

    private static EnAllowanceCharge entry(AllowanceCharge a, boolean charge, String category, BigDecimal rate,
            String path, String reasonRule, int scale, ViolationCollector v) {
        if (blankToNull(a.reason()) == null && blankToNull(a.reasonCode()) == null) {
            v.add(path + ".reason", "required", "EN 16931 needs a reason text or code for every allowance and charge ("
                    + reasonRule + ")");
        }
        BigDecimal amount = amount(a.amount(), scale, path + ".amount", v);
        BigDecimal base = a.baseAmount() == null || a.percent() == null ? null
                : amount(a.baseAmount(), scale, path + ".base_amount", v);
        if (amount == null) {
            return null;
        }
        BigDecimal percent = a.percent();
        if (base != null && amount.subtract(RoundingPolicy.percentOf(base, percent)).abs().compareTo(R040_SLACK) > 0) {
            // Whole-unit currencies (JPY) round the amount further from base × percent than Peppol's R040 allows:
            // the amount is what counts, so the percent and base are left out (BT-93/94 are optional).
            base = null;
            percent = null;
        }
        return new EnAllowanceCharge(charge, amount, base, percent == null ? null : plain(percent),
                blankToNull(a.reasonCode()), blankToNull(a.reason()), category, rate);
    }

    /** BG-22 with BT-107 / BT-108 when the document has allowances or charges: BT-106 = BT-109 + BT-107 − BT-108. */
    private static EnTotals totals(List<EnAllowanceCharge> documentLevel, BigDecimal exclusive, BigDecimal vatTotal,
            BigDecimal inclusive, BigDecimal paid, BigDecimal rounding, BigDecimal payable) {
        if (documentLevel.isEmpty()) {
            return new EnTotals(exclusive, exclusive, vatTotal, inclusive, paid, rounding, payable, null, null);
        }
        // Each sum is stated when the document has an entry of its kind.
        BigDecimal allowances = null;
        BigDecimal charges = null;
        for (EnAllowanceCharge e : documentLevel) {
            if (e.charge()) {
                charges = charges == null ? e.amount() : charges.add(e.amount());
            } else {
                allowances = allowances == null ? e.amount() : allowances.add(e.amount());
            }
        }
        BigDecimal lines = exclusive.add(allowances == null ? BigDecimal.ZERO : allowances)
                .subtract(charges == null ? BigDecimal.ZERO : charges);
        return new EnTotals(lines, exclusive, vatTotal, inclusive, paid, rounding, payable, allowances, charges);
    }

    private static BigDecimal sum(List<EnAllowanceCharge> entries) {
        BigDecimal s = BigDecimal.ZERO;
        for (EnAllowanceCharge e : entries) {
            s = s.add(e.amount());
        }
        return s;
    }

    private static String typeCode(DocumentType type, Format format, ViolationCollector v) {
        switch (type) {
            case INVOICE:
                return "380";
            case CREDIT_NOTE:
                return "381";
            case ADVANCE_INVOICE:
                return "386";
            case ESTIMATE:
                if (format == Format.PEPPOL || format.isXRechnung()) {
                    v.add("type", "unsupported", (format == Format.PEPPOL ? "Peppol BIS Billing" : "XRechnung")
                            + " carries no pro-forma (325): an estimate is not an invoice");
                }
                return "325";
            default:
                v.add("type", "unsupported", "EN 16931 has no counterpart of a " + type.name().toLowerCase(Locale.ROOT)
                        + " (it is not an invoice)");
                return "380";
        }
    }

    private static Party issuerOf(Document doc, Entity entity) {
        return doc.issuer() != null ? doc.issuer() : entity.asIssuer();
    }

    private static EnParty party(Party p, String path, boolean writeVat, boolean seller, ViolationCollector v) {
        if (p.name() == null || p.name().isBlank()) {
            v.add(path + ".name", "required", "EN 16931 needs the " + (seller ? "seller" : "buyer") + " name ("
                    + (seller ? "BT-27, BR-06" : "BT-44, BR-07") + ")");
        }
        String country = p.countryCode() == null ? null : p.countryCode().trim().toUpperCase(Locale.ROOT);
        if (country == null || !country.matches("[A-Z]{2}")) {
            v.add(path + ".country_code", "required", "EN 16931 needs the " + (seller ? "seller" : "buyer")
                    + " country code (" + (seller ? "BT-40, BR-09" : "BT-55, BR-11") + "), was " + Violation.quote(p.countryCode()));
            country = null;
        }
        String vatId = null;
        String tax = p.taxNumber() == null ? null : p.taxNumber().strip();
        if (writeVat && tax != null && !tax.isBlank()) {
            if (tax.matches("[A-Z]{2}.+")) {
                vatId = tax;
            } else if (seller && country != null && tax.matches("[0-9A-Za-z]{2,13}")) {
                // BR-CO-09: a VAT identifier starts with its country's code (Greece: EL).
                vatId = ("GR".equals(country) ? "EL" : country) + tax;
            }
        }
        return new EnParty(p.name(), null, vatId, blankToNull(p.companyNumber()), null, null, blankToNull(p.address()),
                blankToNull(p.address2()), blankToNull(p.city()), blankToNull(p.postCode()), blankToNull(p.state()),
                country, blankToNull(p.email()), blankToNull(p.phone()), null, identifiers(p, path, v));
    }

    /**
     * BT-29 / BT-46 as the calculation accepted them (PartyIdentifier.validate); a document that was never
     * calculated is checked here too, so that a SEPA scheme never poses as a creditor id (BT-90) in UBL.
     */
    private static List<PartyIdentifier> identifiers(Party p, String path, ViolationCollector v) {
        PartyIdentifier.validate(p.identifiers(), path + ".identifiers", v);
        List<PartyIdentifier> out = new ArrayList<>(p.identifiers().size());
        for (PartyIdentifier i : p.identifiers()) {
            if (i != null && blankToNull(i.id()) != null) {
                out.add(new PartyIdentifier(i.id().strip(), blankToNull(i.scheme())));
            }
        }
        return out;
    }

    private static EnParty withEndpoint(EnParty p, Endpoint given, String path, ViolationCollector v) {
        return withEndpoint(p, given, path, false, "Peppol BIS", v);
    }

    private static EnParty withEndpoint(EnParty p, Endpoint given, String path, boolean emailFallback, String spec,
            ViolationCollector v) {
        Endpoint e = given;
        if (e == null && p.vatId() != null) {
            String scheme = VAT_EAS.get(p.vatId().substring(0, 2));
            if (scheme != null) {
                e = new Endpoint(scheme, p.vatId());
            }
        }
        if (e == null && emailFallback && p.email() != null) {
            // EAS "EM": an e-mail address as electronic address, the usual XRechnung channel without Peppol.
            e = new Endpoint("EM", p.email());
        }
        if (e == null) {
            v.add(path, "required", spec + " needs an electronic address (BT-34 / BT-49, PEPPOL-EN16931-R010/R020), "
                    + "and none can be derived from the VAT number " + Violation.quote(p.vatId())
                    + (emailFallback ? " nor the e-mail" : ""));
            return p;
        }
        return new EnParty(p.name(), p.tradingName(), p.vatId(), p.legalId(), e.scheme(), e.id(), p.street(),
                p.street2(), p.city(), p.postCode(), p.region(), p.countryCode(), p.email(), p.phone(), p.contactName(),
                p.identifiers());
    }

    private static void requireForXRechnung(String value, String path, String what, ViolationCollector v) {
        if (value == null) {
            v.add(path, "required", "XRechnung needs " + what);
        }
    }

    private static BigDecimal amount(BigDecimal value, int scale, String path, ViolationCollector v) {
        if (value == null) {
            v.add(path, "not_calculated", "the amount is missing: run the calculation engine first");
            return null;
        }
        try {
            return value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            v.add(path, "too_many_decimals", "EN 16931 allows at most " + MAX_AMOUNT_DECIMALS
                    + " decimals in an amount (BR-DEC-*), was " + value.toPlainString());
            return null;
        }
    }

    private static BigDecimal plain(BigDecimal d) {
        // Serialized with toPlainString: a negative scale after stripping (1E+2) still prints as 100.
        return d.stripTrailingZeros();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static final class VatGroup {
        final VatCategory category;
        final BigDecimal rate;
        BigDecimal base = BigDecimal.ZERO;
        final List<TaxSummary> summaries = new ArrayList<>();
        String reason;
        String reasonCode;

        VatGroup(VatCategory category, BigDecimal rate) {
            this.category = category;
            this.rate = rate;
        }
    }
}
