package eu.invoicing.core.calc;

import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.DiscountType;
import java.math.BigDecimal;
import java.util.List;

/**
 * The two discount rules, exact (no rounding): b2b_standard takes each percent from
 * the original subtotal and each amount as a fixed value; b2c_gross_discount compounds them on the running
 * gross amount in the order given. A negative subtotal (a correction line) is discounted towards zero.
 *
 * <p>Stateless and thread-safe.
 */
final class LineDiscounts {
    private LineDiscounts() {
    }

    /** @return the discounted subtotal under b2b_standard, or null when the discounts exceed the subtotal */
    static BigDecimal standard(BigDecimal subtotal, List<Discount> discounts) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Discount d : discounts) {
            sum = sum.add(d.type() == DiscountType.PERCENT ? RoundingPolicy.percentOf(subtotal.abs(), d.value()) : d.value());
        }
        if (sum.compareTo(subtotal.abs()) > 0) {
            return null;
        }
        return subtotal.subtract(subtotal.signum() < 0 ? sum.negate() : sum);
    }

    /** @return the discounted gross under b2c_gross_discount, or null when a discount exceeds what is left */
    static BigDecimal compounded(BigDecimal gross, List<Discount> discounts) {
        BigDecimal running = gross;
        for (Discount d : discounts) {
            BigDecimal cut = d.type() == DiscountType.PERCENT ? RoundingPolicy.percentOf(running.abs(), d.value()) : d.value();
            if (cut.compareTo(running.abs()) > 0) {
                return null;
            }
            running = running.subtract(running.signum() < 0 ? cut.negate() : cut);
        }
        return running;
    }
}
