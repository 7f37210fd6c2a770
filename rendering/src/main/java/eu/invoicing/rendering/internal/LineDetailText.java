package eu.invoicing.rendering.internal;

import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.rendering.i18n.Label;
import eu.invoicing.rendering.i18n.Labels;
import eu.invoicing.rendering.i18n.LocaleFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The text printed under a line's name: its description, then the line's stated VAT category other than
 * {@code S} with its exemption reason and code, and the line's EN 16931 details (price details, period,
 * note, references, item identifiers, origin, attributes), one kind per line. A line without any of them
 * gets its description alone, so documents without these fields print as before. Stateless and thread-safe.
 */
final class LineDetailText {

    private static final String SEP = " \u00b7 ";

    private LineDetailText() {
    }

    /**
     * @param item the line, not null
     * @param labels the document's labels, not null
     * @param format the document's locale format, not null
     * @param amount formats a price as the line's price column does (negated on a negated credit note)
     * @param hidePrices true when the document hides prices (no price details then)
     * @return the text, null when there is none
     */
    static String of(LineItem item, Labels labels, LocaleFormat format, Function<BigDecimal, String> amount,
            boolean hidePrices) {
        List<String> lines = new ArrayList<>();
        add(lines, item.description());
        for (LineTax tax : item.taxes()) {
            vat(tax, labels, lines);
        }
        LineDetails d = item.details();
        if (!d.isEmpty()) {
            if (!hidePrices) {
                price(item, d, labels, format, amount, lines);
            }
            if (d.period() != null) {
                String start = d.period().start() == null ? "" : format.date(d.period().start());
                String end = d.period().end() == null ? "" : format.date(d.period().end());
                lines.add(labels.get(Label.ITEM_PERIOD) + ": " + start + " \u2013 " + end);
            }
            if (given(d.note())) {
                lines.add(labels.get(Label.TEXT_NOTE) + ": " + d.note().strip());
            }
            List<String> refs = new ArrayList<>();
            labelled(refs, labels.get(Label.ITEM_ORDER_LINE), d.orderLineReference());
            labelled(refs, labels.get(Label.ITEM_ACCOUNTING), d.accountingReference());
            labelled(refs, labels.get(Label.ITEM_BUYER_ITEM_ID), d.buyerItemId());
            if (d.standardId() != null) {
                labelled(refs, labels.get(Label.ITEM_STANDARD_ID)
                        + (given(d.standardId().scheme()) ? " (" + d.standardId().scheme() + ")" : ""),
                        d.standardId().id());
            }
            for (ItemClassification c : d.classifications()) {
                String list = (c.listId() == null ? "" : c.listId())
                        + (c.listVersion() == null ? "" : " " + c.listVersion());
                labelled(refs, labels.get(Label.ITEM_CLASSIFICATION), c.code() + (list.isBlank() ? "" : " (" + list.strip() + ")"));
            }
            labelled(refs, labels.get(Label.ITEM_ORIGIN), d.originCountry());
            if (!refs.isEmpty()) {
                lines.add(String.join(SEP, refs));
            }
            List<String> attributes = new ArrayList<>();
            for (ItemAttribute a : d.attributes()) {
                labelled(attributes, a.name(), a.value());
            }
            if (!attributes.isEmpty()) {
                lines.add(String.join(SEP, attributes));
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** A stated category other than S, with the reason text and code exempt, zero-rated and similar lines give. */
    private static void vat(LineTax tax, Labels labels, List<String> lines) {
        TaxCategory category = tax.category();
        String reason = given(tax.exemptionReason()) ? tax.exemptionReason().strip() : null;
        String code = given(tax.exemptionReasonCode()) ? tax.exemptionReasonCode().strip() : null;
        if ((category == null || category == TaxCategory.S) && reason == null && code == null) {
            return;
        }
        StringBuilder s = new StringBuilder(labels.get(Label.ITEM_VAT_CATEGORY)).append(": ");
        s.append(category == null ? "" : category.name());
        if (reason != null) {
            s.append(category == null ? "" : " \u2013 ").append(reason);
        }
        if (code != null) {
            s.append(" (").append(code).append(')');
        }
        lines.add(s.toString().strip());
    }

    /**
     * @param category a tax group's stated category, nullable
     * @return " (E)" for a stated category other than S (so that groups of the same rate tell apart), else ""
     */
    static String category(TaxCategory category) {
        return category == null || category == TaxCategory.S ? "" : " (" + category.name() + ")";
    }

    private static void price(LineItem item, LineDetails d, Labels labels, LocaleFormat format,
            Function<BigDecimal, String> amount, List<String> lines) {
        List<String> parts = new ArrayList<>();
        if (d.listPrice() != null) {
            parts.add(labels.get(Label.ITEM_LIST_PRICE) + ": " + amount.apply(d.listPrice()));
        }
        if (d.priceDiscount() != null && d.priceDiscount().signum() != 0) {
            parts.add(labels.get(Label.ITEM_PRICE_DISCOUNT) + ": " + amount.apply(d.priceDiscount()));
        }
        BigDecimal base = d.priceBaseQuantity();
        if (base != null && base.compareTo(BigDecimal.ONE) != 0) {
            parts.add(labels.get(Label.ITEM_PRICE_BASE) + " " + format.number(base)
                    + (item.unit() == null ? "" : " " + item.unit()));
        }
        if (!parts.isEmpty()) {
            lines.add(String.join(SEP, parts));
        }
    }

    private static void labelled(List<String> out, String label, String value) {
        if (given(value)) {
            out.add(label + ": " + value.strip());
        }
    }

    private static void add(List<String> out, String value) {
        if (given(value)) {
            out.add(value);
        }
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
