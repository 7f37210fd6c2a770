package eu.invoicing.core.calc;

import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.DiscountType;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.PartyIdentifier;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.Payment;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Checks the input limits (docs/calculation.md, "Decisions where the spec is silent") on a draft before it is calculated:
 * at least one item, scales, discount bounds, tax-rate bounds, metadata limits, currency and exchange
 * rate. Reports every problem with its path.
 *
 * <p>Stateless and thread-safe.
 */
final class InputValidator {
    /** Most decimals accepted on prices and quantities. */
    public static final int MAX_AMOUNT_SCALE = 10;
    /** Most decimals accepted on tax rates and percent discounts. */
    public static final int MAX_RATE_SCALE = 4;
    /** Most discounts on one line. */
    public static final int MAX_DISCOUNTS = 5;
    /** Most metadata properties. */
    public static final int MAX_METADATA_ENTRIES = 50;
    /** Longest metadata key. */
    public static final int MAX_METADATA_KEY = 40;
    /** Longest metadata value. */
    public static final int MAX_METADATA_VALUE = 250;

    private InputValidator() {
    }

    /**
     * Validates a draft's structure and limits.
     *
     * @param draft not null
     * @param currency the resolved currency, nullable when the code was unknown (already reported)
     * @param mode the calculation mode that will be used, not null
     * @param out where problems are added, not null
     */
    public static void validateDraft(Document draft, CurrencyCode currency, CalculationMode mode, ViolationCollector out) {
        if (draft.items().isEmpty()) {
            out.add("items", "required", "at least one item is required");
        }
        for (int i = 0; i < draft.items().size(); i++) {
            validateItem(draft.type(), draft.items().get(i), mode, i, out);
        }
        validateMetadata(draft.metadata(), "metadata", out);
        TradeDetailsValidator.validate(draft.tradeDetails(), out);
        if (draft.issuer() != null) {
            PartyIdentifier.validate(draft.issuer().identifiers(), "issuer.identifiers", out);
        }
        if (draft.customer() != null) {
            PartyIdentifier.validate(draft.customer().identifiers(), "customer.identifiers", out);
        }
        if (draft.exchangeRate() != null && draft.exchangeRate().rate().signum() <= 0) {
            out.add("exchange_rate.rate", "out_of_range", "must be > 0, was " + plain(draft.exchangeRate().rate()));
        }
        for (int i = 0; i < draft.payments().size(); i++) {
            Payment p = draft.payments().get(i);
            if (currency != null && !RoundingPolicy.of(currency).fits(p.amount())) {
                out.add("payments[" + i + "].amount", "scale", "must have at most " + currency.minorUnits()
                        + " decimals for " + currency.code() + ", was " + plain(p.amount()));
            }
        }
    }

    /**
     * @param metadata not null
     * @param path the path of the metadata object, not null
     * @param out where problems are added, not null
     */
    public static void validateMetadata(Map<String, String> metadata, String path, ViolationCollector out) {
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            out.add(path, "too_many_properties", "at most " + MAX_METADATA_ENTRIES + " properties, was " + metadata.size());
        }
        metadata.forEach((k, v) -> {
            // A key too long to be valid is cut in the path, so that no input is echoed unbounded.
            String at = path + "." + (k.length() <= 2 * MAX_METADATA_KEY ? k : k.substring(0, MAX_METADATA_KEY) + "...");
            if (k.isEmpty() || k.length() > MAX_METADATA_KEY) {
                out.add(at, "invalid_key", "keys must be 1-" + MAX_METADATA_KEY + " characters, was "
                        + k.length());
            }
            if (v.length() > MAX_METADATA_VALUE) {
                out.add(at, "too_long", "values must be at most " + MAX_METADATA_VALUE
                        + " characters, was " + v.length());
            }
        });
    }

    private static void validateItem(DocumentType kind, LineItem item, CalculationMode mode, int index,
            ViolationCollector out) {
        // Field paths are built only when a problem is reported: a valid line costs no strings.
        if (!item.metadata().isEmpty()) {
            validateMetadata(item.metadata(), itemPath(index, ".metadata"), out);
        }
        if (item.isSeparator()) {
            return;
        }
        if (item.name() == null || item.name().isBlank()) {
            out.add(itemPath(index, ".name"), "required", "is required");
        }
        if (item.quantity() == null) {
            out.add(itemPath(index, ".quantity"), "required", "is required");
        } else {
            scale(item.quantity(), MAX_AMOUNT_SCALE, index, ".quantity", out);
            if (item.quantity().signum() < 0 && kind != DocumentType.INVOICE && kind != DocumentType.CREDIT_NOTE) {
                out.add(itemPath(index, ".quantity"), "out_of_range", "must be >= 0 (negative quantities are allowed on invoices"
                        + " and credit notes only), was " + plain(item.quantity()));
            }
        }
        if (item.price() == null && item.grossPrice() == null) {
            out.add(itemPath(index, ".price"), "required", "price or gross_price is required");
        }
        if (item.price() != null && item.grossPrice() != null) {
            out.add(itemPath(index, ".gross_price"), "conflict", "give either price or gross_price, not both");
        }
        priceCheck(item.price(), index, ".price", out);
        priceCheck(item.grossPrice(), index, ".gross_price", out);
        if (!item.details().isEmpty()) {
            LineDetailsRules.validate(item, index, out);
        }
        // Reverse charge is a property of the whole line (docs/calculation.md, "Reverse charge"): taxes that disagree would have
        // to be re-read one way or the other, so they are refused instead. A missing flag counts as false.
        for (int t = 1; t < item.taxes().size(); t++) {
            boolean firstReverse = item.taxes().get(0).isReverseCharge();
            if (item.taxes().get(t).isReverseCharge() != firstReverse) {
                out.add(itemPath(index, ".taxes"), "conflict", "the taxes of a line must agree on reverse_charge, but taxes[0]"
                        + " says " + firstReverse + " and taxes[" + t + "] says " + !firstReverse);
                break;
            }
        }
        for (int t = 0; t < item.taxes().size(); t++) {
            LineTax tax = item.taxes().get(t);
            if (!tax.isResolved()) {
                out.add(itemPath(index, ".taxes[" + t + "].rate"), "required", "is required: tax_id " + Violation.quote(tax.taxId())
                        + " names a stored tax, which the lifecycle resolves from the entity's TaxStore");
                continue;
            }
            if (tooManyDecimals(tax.rate(), MAX_RATE_SCALE)) {
                scale(tax.rate(), MAX_RATE_SCALE, index, ".taxes[" + t + "].rate", out);
            }
            if (tax.rate().signum() < 0 || tax.rate().compareTo(RoundingPolicy.hundred()) > 0) {
                out.add(itemPath(index, ".taxes[" + t + "].rate"), "out_of_range", "must be between 0 and 100, was " + plain(tax.rate()));
            } else if (tax.category() != null && tax.category().isZeroRated() && tax.rate().signum() != 0) {
                out.add(itemPath(index, ".taxes[" + t + "].rate"), "conflict", "must be 0 for VAT category " + tax.category().name() + " (EN 16931 BR-"
                        + tax.category().name() + "-5), was " + plain(tax.rate()));
            } else if (tax.category() == TaxCategory.S && tax.rate().signum() == 0) {
                out.add(itemPath(index, ".taxes[" + t + "].rate"), "conflict", "must be above 0 for VAT category S (EN 16931 BR-S-5), was 0");
            }
        }
        if (item.discounts().size() > MAX_DISCOUNTS) {
            out.add(itemPath(index, ".discounts"), "too_many", "at most " + MAX_DISCOUNTS + " discounts per line, was "
                    + item.discounts().size());
        }
        for (int d = 0; d < item.discounts().size(); d++) {
            var discount = item.discounts().get(d);
            if (discount.value().signum() < 0) {
                out.add(itemPath(index, ".discounts[" + d + "].value"), "out_of_range", "must be >= 0, was " + plain(discount.value()));
            }
            if (discount.type() == DiscountType.PERCENT) {
                if (tooManyDecimals(discount.value(), MAX_RATE_SCALE)) {
                    scale(discount.value(), MAX_RATE_SCALE, index, ".discounts[" + d + "].value", out);
                }
                if (discount.value().compareTo(RoundingPolicy.hundred()) > 0) {
                    out.add(itemPath(index, ".discounts[" + d + "].value"), "out_of_range", "a percent discount must be <= 100, was " + plain(discount.value()));
                }
            } else {
                if (tooManyDecimals(discount.value(), MAX_AMOUNT_SCALE)) {
                    scale(discount.value(), MAX_AMOUNT_SCALE, index, ".discounts[" + d + "].value", out);
                }
            }
        }
        checkDiscountBound(item, mode, index, out);
    }

    private static void checkDiscountBound(LineItem item, CalculationMode mode, int index, ViolationCollector out) {
        if (item.discounts().isEmpty() || item.quantity() == null) {
            return;
        }
        for (var d : item.discounts()) {
            if (d.value().signum() < 0) {
                return;
            }
        }
        BigDecimal unit = item.price() != null ? item.price() : item.grossPrice();
        if (unit == null) {
            return;
        }
        BigDecimal subtotal = unit.multiply(item.quantity());
        BigDecimal base = item.details().priceBaseQuantity();
        if (base != null && base.signum() > 0) {
            // Only compared with the discounts: 34 significant digits are plenty for that comparison.
            subtotal = subtotal.divide(base, java.math.MathContext.DECIMAL128);
        }
        BigDecimal discounted;
        if (mode == CalculationMode.B2C_GROSS_DISCOUNT) {
            discounted = LineDiscounts.compounded(subtotal, item.discounts());
        } else {
            discounted = LineDiscounts.standard(subtotal, item.discounts());
        }
        if (discounted == null) {
            out.add(itemPath(index, ".discounts"), "exceeds_subtotal", "the discounts are larger than the line subtotal ("
                    + plain(subtotal) + ")");
        }
    }

    static void priceCheck(BigDecimal price, int index, String field, ViolationCollector out) {
        if (price == null) {
            return;
        }
        scale(price, MAX_AMOUNT_SCALE, index, field, out);
        if (price.signum() < 0) {
            out.add(itemPath(index, field), "out_of_range", "must be >= 0 (use a negative quantity on an invoice to correct), was "
                    + plain(price));
        }
    }

    static void scale(BigDecimal value, int max, int index, String field, ViolationCollector out) {
        if (tooManyDecimals(value, max)) {
            out.add(itemPath(index, field), "scale", "at most " + max + " decimal places, was " + plain(value));
        }
    }

    /** @return whether {@code value} has more than {@code max} decimal places once trailing zeros are dropped */
    static boolean tooManyDecimals(BigDecimal value, int max) {
        return value.scale() > max && value.stripTrailingZeros().scale() > max;
    }

    /** @return the path of a field of {@code items[index]}, e.g. {@code items[3].price} */
    static String itemPath(int index, String field) {
        return "items[" + index + "]" + field;
    }

    static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
