package eu.invoicing.core.calc;

import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.LineItem;
import java.math.BigDecimal;

/**
 * Checks a line's EN 16931 details ({@link LineDetails}) before it is calculated: price details consistent
 * with the net price ({@code price = list_price − price_discount}, EN 16931 BT-146..148), a positive price
 * base quantity, a line period with a date and in order (BR-CO-20, BR-30), identifiers with their schemes
 * (BR-64, BR-65), attributes with name and value (BR-54), a two-letter origin country. Every problem is
 * reported at its path, e.g. {@code items[2].price_base_quantity}.
 *
 * <p>Stateless and thread-safe.
 */
final class LineDetailsRules {

    private LineDetailsRules() {
    }

    static void validate(LineItem item, int index, ViolationCollector out) {
        LineDetails d = item.details();
        InputValidator.priceCheck(d.listPrice(), index, ".list_price", out);
        InputValidator.priceCheck(d.priceDiscount(), index, ".price_discount", out);
        BigDecimal base = d.priceBaseQuantity();
        if (base != null) {
            InputValidator.scale(base, InputValidator.MAX_AMOUNT_SCALE, index, ".price_base_quantity", out);
            if (base.signum() <= 0) {
                out.add(path(index, ".price_base_quantity"), "out_of_range", "must be > 0, was " + base.toPlainString());
            }
        }
        if (d.priceDiscount() != null && d.listPrice() == null) {
            out.add(path(index, ".list_price"), "required", "is required with price_discount (the discount is taken"
                    + " from the list price)");
        }
        if (d.listPrice() != null) {
            if (item.price() == null) {
                out.add(path(index, ".price"), "required", "is required with list_price (list_price − price_discount"
                        + " must equal the net price; a gross_price line has none)");
            } else {
                BigDecimal discount = d.priceDiscount() == null ? BigDecimal.ZERO : d.priceDiscount();
                BigDecimal net = d.listPrice().subtract(discount);
                if (net.compareTo(item.price()) != 0) {
                    out.add(path(index, ".price"), "conflict", "must equal list_price − price_discount ("
                            + d.listPrice().toPlainString() + " − " + discount.toPlainString() + " = "
                            + net.toPlainString() + "), was " + item.price().toPlainString());
                }
            }
        }
        if (d.period() != null) {
            if (d.period().start() == null && d.period().end() == null) {
                out.add(path(index, ".period"), "required", "needs a start or an end date (EN 16931 BR-CO-20)");
            } else if (d.period().start() != null && d.period().end() != null
                    && d.period().end().isBefore(d.period().start())) {
                out.add(path(index, ".period.end"), "out_of_range", "must not be before the start "
                        + d.period().start() + " (EN 16931 BR-30), was " + d.period().end());
            }
        }
        if (d.standardId() != null) {
            if (blank(d.standardId().id())) {
                out.add(path(index, ".standard_id.id"), "required", "is required");
            }
            if (blank(d.standardId().scheme())) {
                out.add(path(index, ".standard_id.scheme"), "required", "is required (EN 16931 BR-64: an ISO 6523"
                        + " ICD code, e.g. 0160 for a GTIN)");
            }
        }
        for (int c = 0; c < d.classifications().size(); c++) {
            ItemClassification k = d.classifications().get(c);
            String at = ".classifications[" + c + "]";
            if (k == null) {
                out.add(path(index, at), "required", "must be an object, was null");
                continue;
            }
            if (blank(k.code())) {
                out.add(path(index, at + ".code"), "required", "is required");
            }
            if (blank(k.listId())) {
                out.add(path(index, at + ".list_id"), "required", "is required (EN 16931 BR-65: a UNTDID 7143 code,"
                        + " e.g. STI for CPV)");
            }
        }
        if (d.originCountry() != null && !d.originCountry().matches("[A-Z]{2}")) {
            out.add(path(index, ".origin_country"), "invalid_value", "must be an ISO 3166-1 alpha-2 code, was "
                    + eu.invoicing.core.Violation.quote(d.originCountry()));
        }
        for (int a = 0; a < d.attributes().size(); a++) {
            ItemAttribute attr = d.attributes().get(a);
            String at = ".attributes[" + a + "]";
            if (attr == null) {
                out.add(path(index, at), "required", "must be an object, was null");
                continue;
            }
            if (blank(attr.name())) {
                out.add(path(index, at + ".name"), "required", "is required (EN 16931 BR-54)");
            }
            if (blank(attr.value())) {
                out.add(path(index, at + ".value"), "required", "is required (EN 16931 BR-54)");
            }
        }
    }

    private static String path(int index, String field) {
        return InputValidator.itemPath(index, field);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
