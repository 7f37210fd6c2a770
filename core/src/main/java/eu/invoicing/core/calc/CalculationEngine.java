package eu.invoicing.core.calc;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.AllowancesCharges;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.CreationSource;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.core.spi.VatNumberValidator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a draft into a calculated document (docs/calculation.md): line totals in the three modes, the tax
 * summary per (rate, reverse charge) with its gross-group rule, document totals, transaction type,
 * currency conversion, rounding correction against an expected total, payment state, and pre-calculated
 * ("custom") totals accepted or validated.
 *
 * <p>A pure function: same input, same output; no clock, no I/O beyond the injected
 * {@link VatNumberValidator}. Immutable and thread-safe when the validator is.
 */
public final class CalculationEngine {
    /** Tax name recorded when the input gives none. */
    public static final String DEFAULT_TAX_NAME = "VAT";

    private final TransactionTypeResolver resolver;

    /**
     * @param vatNumbers the VAT-number validator used to classify intra-EU sales, not null
     */
    public CalculationEngine(VatNumberValidator vatNumbers) {
        this.resolver = new TransactionTypeResolver(vatNumbers);
    }

    /** @return an engine with the format-only VAT-number validator ({@link FormatVatNumberValidator}) */
    public static CalculationEngine withDefaults() {
        return new CalculationEngine(new FormatVatNumberValidator());
    }

    /**
     * Calculates without request options.
     *
     * @param draft the document with its inputs, not null
     * @param entity the issuing entity, not null
     * @return the calculated document; the draft is unaffected
     * @throws ValidationException with every problem found
     */
    public Document calculate(Document draft, Entity entity) {
        return calculate(draft, entity, CalculationOptions.NONE);
    }

    /**
     * Calculates a document. With {@code creation_source: custom} the supplied totals are accepted as given
     * (no {@code calculation_mode}) or validated against the mode (with one).
     *
     * @param draft the document with its inputs, not null
     * @param entity the issuing entity, not null
     * @param options request options, not null
     * @return the calculated document; the draft is unaffected
     * @throws ValidationException with every problem found
     */
    public Document calculate(Document draft, Entity entity, CalculationOptions options) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        ViolationCollector problems = new ViolationCollector();
        // The currency was parsed where the draft was read: no code past that point can be bad.
        CurrencyCode currency = draft.currency() == null ? entity.currency() : draft.currency();
        String currencyCode = currency.code();
        CalculationMode requestedMode = draft.calculationMode() == null
                ? entity.settings().defaultCalculationMode() : draft.calculationMode();
        InputValidator.validateDraft(draft, currency, requestedMode, problems);
        AllowanceCharges.validate(draft, currency, problems);
        boolean foreign = !currencyCode.equals(entity.currencyCode());
        if (foreign && draft.exchangeRate() == null) {
            problems.add("exchange_rate", "required", "is required when the document currency (" + currencyCode
                    + ") differs from the entity currency (" + entity.currencyCode() + ")");
        }
        String quote = draft.exchangeRate() == null ? null : draft.exchangeRate().quoteCurrency();
        if (quote != null && !quote.equals(entity.currencyCode())) {
            // Amounts are always converted into the entity currency; a rate quoted in another one would be
            // applied as if it were in the entity currency.
            problems.add("exchange_rate.quote_currency", "conflict", "must be the entity currency ("
                    + entity.currencyCode() + "), was \"" + quote + "\"");
        }
        boolean custom = draft.creationSource() == CreationSource.CUSTOM;
        if (custom) {
            CustomTotals.checkSupplied(draft, problems);
        }
        if (entity.settings().euTaxRules().requireGrossPrices()) {
            requireGrossPrices(draft.items(), problems);
        }
        problems.throwIfAny();

        RoundingPolicy money = RoundingPolicy.of(currency);
        Party issuer = draft.issuer() == null ? entity.asIssuer() : draft.issuer();
        TransactionTypeResolver.Resolution resolution = resolver.resolve(issuer, draft.customer(), entity);
        CalculationMode mode = draft.calculationMode() == null
                ? (custom ? null : entity.settings().defaultCalculationMode())
                : draft.calculationMode();

        Document.Builder out = draft.toBuilder()
                .issuer(issuer)
                .currency(currency)
                .calculationMode(mode == null ? null : mode)
                .creationSource(custom ? CreationSource.CUSTOM : draft.creationSource() == null
                        ? CreationSource.API : draft.creationSource())
                .transactionType(resolution.type())
                .vies(resolution.vies() == null ? draft.vies() : resolution.vies());

        Totals totals;
        if (custom && draft.calculationMode() == null) {
            totals = CustomTotals.accept(draft, money);
        } else {
            boolean untaxed = resolution.removeExportTax();
            totals = computeTotals(untaxed ? withoutTaxes(draft.items()) : draft.items(),
                    untaxed ? DocumentAllowances.withoutTaxes(draft.allowances()) : draft.allowances(),
                    untaxed ? DocumentAllowances.withoutTaxes(draft.charges()) : draft.charges(), mode, resolution,
                    money);
            if (custom) {
                totals = CustomTotals.validateAgainst(draft, totals, money);
            }
        }
        boolean reverseCharge = totals.taxes.stream().anyMatch(TaxSummary::isReverseCharge);
        if (reverseCharge && isBlank(draft.taxClause())) {
            String clause = entity.settings().taxClauseDefaults().get(resolution.type());
            if (clause == null) {
                throw ValidationException.of("tax_clause", "required",
                        "a tax clause is required under reverse charge and the entity has no default for "
                                + resolution.type());
            }
            out.taxClause(clause);
        }

        BigDecimal totalWithTax = totals.totalWithTax;
        BigDecimal correction = null;
        if (options.expectedTotalWithTax() != null) {
            correction = roundingCorrection(options.expectedTotalWithTax(), totalWithTax, countLines(draft.items()),
                    money);
            totalWithTax = totalWithTax.add(correction);
        }
        out.items(totals.items).taxes(totals.taxes).total(totals.total).totalWithTax(totalWithTax)
                .totalDiscount(totals.totalDiscount).roundingCorrection(correction)
                .allowancesCharges(totals.allowancesCharges);

        if (foreign) {
            convert(out, totals, totalWithTax, draft.exchangeRate(), entity);
        } else {
            out.totalConverted(null).totalWithTaxConverted(null);
        }
        PaymentState.applyTo(out);
        return out.build();
    }

    private static int countLines(List<LineItem> items) {
        int n = 0;
        for (LineItem item : items) {
            if (!item.isSeparator()) {
                n++;
            }
        }
        return Math.max(n, 1);
    }

    private static BigDecimal roundingCorrection(BigDecimal expected, BigDecimal computed, int lines,
            RoundingPolicy money) {
        BigDecimal tolerance = money.minorUnit().multiply(BigDecimal.valueOf(lines));
        BigDecimal difference = expected.subtract(computed);
        if (!money.fits(expected) || difference.abs().compareTo(tolerance) > 0) {
            throw ValidationException.of("expected_total_with_tax", "mismatch", "expected "
                    + expected.toPlainString() + " but the calculated total with tax is " + computed.toPlainString()
                    + "; the difference may be at most " + tolerance.toPlainString() + " (" + lines
                    + " lines x " + money.minorUnit().toPlainString() + ")");
        }
        return money.exact(difference);
    }

    /** Line amounts and the tax summary in one of the calculation modes, without document allowances or charges. */
    static Totals computeTotals(List<LineItem> items, CalculationMode mode,
            TransactionTypeResolver.Resolution resolution, RoundingPolicy money) {
        return computeTotals(items, List.of(), List.of(), mode, resolution, money);
    }

    /** Line amounts, document allowances and charges, and the tax summary in one of the calculation modes. */
    static Totals computeTotals(List<LineItem> items, List<AllowanceCharge> allowances, List<AllowanceCharge> charges,
            CalculationMode mode, TransactionTypeResolver.Resolution resolution, RoundingPolicy money) {
        List<LineItem> lines = new ArrayList<>(items.size());
        // In order of first appearance. A document has a handful of groups, so a scan beats hashing a key per tax.
        List<Group> groups = new ArrayList<>(2);
        BigDecimal shownDiscounts = BigDecimal.ZERO;
        // When every line has exactly one tax, the sum of the line totals is the sum of the groups' net sums and
        // need not be added up a second time (exact addition: the same value either way).
        boolean everyLineOneTax = true;
        for (LineItem item : items) {
            if (item.isSeparator()) {
                lines.add(item.toBuilder().total(null).totalWithTax(null).totalDiscount(null).totalConverted(null)
                        .totalWithTaxConverted(null).build());
                continue;
            }
            LineResult line = calculateLine(item, mode, resolution, money);
            lines.add(line.item);
            if (line.item.totalDiscount().signum() != 0) {
                // Adding a zero changes neither the value nor, after the final exact(), the scale.
                shownDiscounts = shownDiscounts.add(line.item.totalDiscount());
            }
            boolean single = line.item.taxes().size() == 1;
            everyLineOneTax &= single;
            for (LineTax tax : line.item.taxes()) {
                boolean reverse = line.reverseCharge;
                // A line that names no VAT category has one derived from the rate and reverse charge (the
                // transaction type is the document's), so (rate, reverse charge) identifies it; a named category
                // splits the group, so that exempt, zero-rated and export lines at 0 % stay apart (BR-CO-17
                // groups per category and rate). A tax_id only names a stored tax and never splits a group.
                // Rates are equal by value (22 and 22.00 are one group). A linear scan: documents have few groups.
                Group group = null;
                for (int g = 0, n = groups.size(); g < n; g++) {
                    Group candidate = groups.get(g);
                    if (candidate.reverseCharge == reverse && candidate.category == tax.category()
                            && candidate.rate.compareTo(tax.rate()) == 0) {
                        group = candidate;
                        break;
                    }
                }
                if (group == null) {
                    group = new Group(tax.rate(), reverse, tax.category());
                    groups.add(group);
                }
                group.add(line.item, tax, line.grossPriced && single);
            }
        }
        BigDecimal lineTotals = BigDecimal.ZERO;
        if (everyLineOneTax) {
            for (Group group : groups) {
                lineTotals = lineTotals.add(group.netSum);
            }
        } else {
            for (LineItem line : lines) {
                if (!line.isSeparator()) {
                    lineTotals = lineTotals.add(line.total());
                }
            }
        }
        DocumentAllowances documentLevel = allowances.isEmpty() && charges.isEmpty() ? null
                : DocumentAllowances.apply(allowances, charges, groups, lineTotals, money);
        List<TaxSummary> taxes = new ArrayList<>(groups.size());
        BigDecimal total = documentLevel == null ? lineTotals : documentLevel.adjust(lineTotals);
        BigDecimal taxAmount = BigDecimal.ZERO;
        for (Group group : groups) {
            TaxSummary summary = group.summarize(money);
            taxes.add(summary);
            if (group.allGross && !group.reverseCharge) {
                // A gross group's rounding difference lands in the net total, so that the customer pays
                // exactly the sum of the gross lines.
                total = total.add(summary.base().subtract(group.netSum));
            }
            taxAmount = taxAmount.add(summary.taxAmount());
        }
        return new Totals(lines, taxes, money.exact(total), money.exact(total.add(taxAmount)),
                money.exact(shownDiscounts), documentLevel == null ? AllowancesCharges.EMPTY : documentLevel.result());
    }

    private static LineResult calculateLine(LineItem item, CalculationMode mode,
            TransactionTypeResolver.Resolution resolution, RoundingPolicy money) {
        List<LineTax> inputTaxes = item.taxes();
        int taxCount = inputTaxes.size();
        boolean anyReverse = false;
        for (int i = 0; i < taxCount; i++) {
            anyReverse |= inputTaxes.get(i).isReverseCharge();
        }
        boolean reverse = resolution.issuerTaxSubject() && taxCount > 0 && (resolution.autoReverseCharge() || anyReverse);
        boolean grossPriced = mode == CalculationMode.B2C_GROSS_DISCOUNT || item.grossPrice() != null;
        // The sum of the rates is needed only to take the tax out of a gross price.
        BigDecimal rates = BigDecimal.ZERO;
        if (grossPriced) {
            for (int i = 0; i < taxCount; i++) {
                rates = rates.add(inputTaxes.get(i).rate());
            }
        }
        BigDecimal total;
        BigDecimal totalWithTax;
        BigDecimal shownDiscount;
        LineTax[] taxes = taxCount == 1 ? null : new LineTax[taxCount];
        LineTax onlyTax = null;
        if (!grossPriced) {
            BigDecimal subtotal = perBaseQuantity(item.price().multiply(item.quantity()), item, money);
            if (!item.charges().isEmpty()) {
                LineCharges charged = LineCharges.apply(subtotal,
                        LineDiscounts.standard(subtotal, item.discounts()), item, money);
                total = charged.total();
                shownDiscount = charged.shownDiscount();
                item = charged.item();
            } else if (item.discounts().isEmpty()) {
                // round(subtotal − 0) and a shown discount of round(subtotal) − round(subtotal) = 0.
                total = money.round(subtotal);
                shownDiscount = money.zero();
            } else {
                total = money.round(LineDiscounts.standard(subtotal, item.discounts()));
                shownDiscount = money.round(subtotal).subtract(total);
            }
            BigDecimal taxSum = null;
            for (int i = 0; i < taxCount; i++) {
                LineTax tax = inputTaxes.get(i);
                BigDecimal amount = reverse ? money.zero() : money.round(RoundingPolicy.percentOf(total, tax.rate()));
                taxSum = taxSum == null ? amount : taxSum.add(amount);
                LineTax done = tax.withCalculated(total, amount, nameOf(tax));
                if (taxes == null) {
                    onlyTax = done;
                } else {
                    taxes[i] = done;
                }
            }
            // The amounts and the total are at the currency's scale, so leaving out the zero start changes nothing.
            totalWithTax = taxSum == null ? total : total.add(taxSum);
        } else {
            BigDecimal grossSubtotal;
            BigDecimal discounted;
            if (mode == CalculationMode.B2C_GROSS_DISCOUNT) {
                grossSubtotal = perBaseQuantity(item.grossPrice() != null ? item.grossPrice().multiply(item.quantity())
                        : item.price().multiply(item.quantity()).multiply(RoundingPolicy.grossFactor(rates)), item, money);
                discounted = LineDiscounts.compounded(grossSubtotal, item.discounts());
            } else {
                grossSubtotal = perBaseQuantity(item.grossPrice().multiply(item.quantity()), item, money);
                discounted = LineDiscounts.standard(grossSubtotal, item.discounts());
            }
            BigDecimal gross;
            if (item.charges().isEmpty()) {
                gross = money.round(discounted);
                shownDiscount = money.round(grossSubtotal).subtract(gross);
            } else {
                LineCharges charged = LineCharges.apply(grossSubtotal, discounted, item, money);
                gross = charged.total();
                shownDiscount = charged.shownDiscount();
                item = charged.item();
            }
            total = money.round(money.divide(gross, RoundingPolicy.grossFactor(rates)));
            BigDecimal remainder = gross.subtract(total);
            for (int i = 0; i < taxCount; i++) {
                LineTax tax = inputTaxes.get(i);
                BigDecimal amount;
                if (reverse) {
                    amount = money.zero();
                } else if (i < taxCount - 1) {
                    amount = money.round(RoundingPolicy.percentOf(total, tax.rate()));
                    remainder = remainder.subtract(amount);
                } else {
                    amount = remainder;
                }
                LineTax done = tax.withCalculated(total, amount, nameOf(tax));
                if (taxes == null) {
                    onlyTax = done;
                } else {
                    taxes[i] = done;
                }
            }
            totalWithTax = reverse || taxCount == 0 ? total : gross;
        }
        LineItem calculated = item.withCalculated(taxes == null ? List.of(onlyTax) : List.of(taxes), total,
                totalWithTax, shownDiscount);
        return new LineResult(calculated, grossPriced, reverse);
    }

    /** {@code tax_rules.eu.require_gross_prices}: every priced line states its tax-inclusive price. */
    private static void requireGrossPrices(List<LineItem> items, ViolationCollector problems) {
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            if (!item.isSeparator() && item.grossPrice() == null) {
                problems.add("items[" + i + "].gross_price", "required", "the entity requires gross prices "
                        + "(tax_rules.eu.require_gross_prices); give gross_price instead of price");
            }
        }
    }

    /** {@code tax_rules.eu.auto_remove_tax_export}: an export outside the EU carries no VAT on any line. */
    private static List<LineItem> withoutTaxes(List<LineItem> items) {
        List<LineItem> out = new ArrayList<>(items.size());
        for (LineItem item : items) {
            out.add(item.isSeparator() || item.taxes().isEmpty() ? item : item.toBuilder().taxes(List.of()).build());
        }
        return out;
    }

    private static String nameOf(LineTax tax) {
        return tax.name() == null ? DEFAULT_TAX_NAME : tax.name();
    }

    private static void convert(Document.Builder out, Totals totals, BigDecimal totalWithTax, ExchangeRate rate,
            Entity entity) {
        RoundingPolicy target = RoundingPolicy.of(entity.currency());
        BigDecimal r = rate.rate();
        out.totalConverted(target.round(totals.total.multiply(r)));
        out.totalWithTaxConverted(target.round(totalWithTax.multiply(r)));
        List<LineItem> lines = new ArrayList<>(totals.items.size());
        for (LineItem line : totals.items) {
            lines.add(line.isSeparator() ? line : line.toBuilder()
                    .totalConverted(target.round(line.total().multiply(r)))
                    .totalWithTaxConverted(target.round(line.totalWithTax().multiply(r))).build());
        }
        out.items(lines);
        List<TaxSummary> taxes = new ArrayList<>(totals.taxes.size());
        for (TaxSummary t : totals.taxes) {
            taxes.add(t.withConverted(t.base() == null ? null : target.round(t.base().multiply(r)),
                    target.round(t.taxAmount().multiply(r))));
        }
        out.taxes(taxes);
        if (rate.quoteCurrency() == null) {
            out.exchangeRate(new ExchangeRate(r, rate.source(), rate.date(), entity.currencyCode()));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The totals of a calculation before conversion and correction. */
    record Totals(List<LineItem> items, List<TaxSummary> taxes, BigDecimal total, BigDecimal totalWithTax,
            BigDecimal totalDiscount, AllowancesCharges allowancesCharges) {
        /** Totals without document allowances or charges. */
        Totals(List<LineItem> items, List<TaxSummary> taxes, BigDecimal total, BigDecimal totalWithTax,
                BigDecimal totalDiscount) {
            this(items, taxes, total, totalWithTax, totalDiscount, AllowancesCharges.EMPTY);
        }
    }

    private record LineResult(LineItem item, boolean grossPriced, boolean reverseCharge) {
    }

    /**
     * Accumulates one tax group (rounding point D1 happens in {@link #summarize}). The group carries a
     * {@code tax_id} and a name only when every line in it gives the same one; otherwise no tax id and the
     * name {@value #DEFAULT_TAX_NAME}.
     */
    static final class Group {
        private final BigDecimal rate;
        private final boolean reverseCharge;
        private final TaxCategory category;
        private String name;
        private String taxId;
        private boolean first = true;
        private BigDecimal netSum = BigDecimal.ZERO;
        private BigDecimal grossSum = BigDecimal.ZERO;
        private boolean allGross = true;
        /** Document charges − document allowances summed into the group (docs/calculation.md, BR-S-08). */
        private BigDecimal adjustment;

        Group(BigDecimal rate, boolean reverseCharge, TaxCategory category) {
            this.rate = rate;
            this.reverseCharge = reverseCharge;
            this.category = category;
        }

        /** A group that only document allowances or charges are in: named as a line tax without a name. */
        static Group forAllowanceOrCharge(BigDecimal rate, TaxCategory category) {
            Group g = new Group(rate, category == TaxCategory.AE, category);
            g.name = DEFAULT_TAX_NAME;
            g.first = false;
            return g;
        }

        /** The group of a document allowance or charge, as {@link AllowanceCharges#groupOf} finds its summary. */
        static Group find(List<Group> groups, BigDecimal rate, TaxCategory category) {
            for (Group g : groups) {
                if (g.category == category && g.rate.compareTo(rate) == 0) {
                    return g;
                }
            }
            for (Group g : groups) {
                if (AllowanceCharges.loosely(category, rate, g.category, g.rate, g.reverseCharge)) {
                    return g;
                }
            }
            return null;
        }

        BigDecimal netSum() {
            return netSum;
        }

        /**
         * Adds a document charge (positive) or allowance (negative) to the group's base. The group's tax is then
         * computed on its net base, even when its lines are gross-priced: document allowances and charges are
         * net amounts (EN 16931 BT-92, BT-99).
         */
        void adjust(BigDecimal signedAmount) {
            adjustment = adjustment == null ? signedAmount : adjustment.add(signedAmount);
            allGross = false;
        }

        void add(LineItem line, LineTax tax, boolean grossSingleTax) {
            netSum = netSum.add(line.total());
            allGross &= grossSingleTax;
            if (allGross) {
                // The gross sum is read only for a group of gross lines.
                grossSum = grossSum.add(line.totalWithTax());
            }
            String lineName = nameOf(tax);
            if (first) {
                name = lineName;
                taxId = tax.taxId();
                first = false;
            } else {
                name = lineName.equals(name) ? name : DEFAULT_TAX_NAME;
                taxId = Objects.equals(tax.taxId(), taxId) ? taxId : null;
            }
        }

        TaxSummary summarize(RoundingPolicy money) {
            BigDecimal base;
            BigDecimal amount;
            BigDecimal netSum = adjustment == null ? this.netSum : this.netSum.add(adjustment);
            if (reverseCharge) {
                base = money.exact(netSum);
                amount = money.zero();
            } else if (allGross) {
                amount = money.round(money.divide(grossSum.multiply(rate), RoundingPolicy.hundred().add(rate)));
                base = money.exact(grossSum.subtract(amount));
            } else {
                base = money.exact(netSum);
                amount = money.round(RoundingPolicy.percentOf(netSum, rate));
            }
            return TaxSummary.of(name, rate, taxId, base, amount, reverseCharge, category);
        }
    }

    /**
     * A price for {@code price_base_quantity} units (EN 16931 BT-149) prices the line at {@code quantity × price /
     * base}: exact when the base is 1 or absent (the usual case, no division), otherwise divided at the
     * currency's division precision (docs/calculation.md, "Price base quantity").
     */
    private static BigDecimal perBaseQuantity(BigDecimal priceTimesQuantity, LineItem item, RoundingPolicy money) {
        BigDecimal base = item.details().priceBaseQuantity();
        if (base == null || base.compareTo(BigDecimal.ONE) == 0) {
            return priceTimesQuantity;
        }
        return money.divide(priceTimesQuantity, base);
    }
}
