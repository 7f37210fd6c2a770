package eu.invoicing.rendering.internal;

import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.Estimate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.RelationType;
import eu.invoicing.core.model.TaxSummary;

import java.util.List;

/**
 * The fields a document must have before it is sent (complete mode). Every missing field is added to
 * the list; nothing stops at the first.
 */
final class CompletenessCheck {
    private CompletenessCheck() {
    }

    static void check(Document d, Entity entity, Party issuer, List<Violation> out) {
        if (!d.isDraft() && blank(d.number())) {
            out.add(missing("number"));
        }
        if (d.date() == null) {
            out.add(missing("date"));
        }
        require(out, "issuer.name", issuer.name());
        require(out, "issuer.address", issuer.address());
        require(out, "issuer.post_code", issuer.postCode());
        require(out, "issuer.city", issuer.city());
        if (blank(issuer.country()) && blank(issuer.countryCode())) {
            out.add(missing("issuer.country"));
        }
        if (!Boolean.FALSE.equals(issuer.isTaxSubject()) && entity.isTaxSubject()) {
            require(out, "issuer.tax_number", issuer.taxNumber());
        }
        boolean needsCustomer = d.type() != DocumentType.ESTIMATE;
        Party customer = d.customer();
        if (customer == null) {
            if (needsCustomer) {
                out.add(missing("customer"));
            }
        } else {
            require(out, "customer.name", customer.name());
            if (!Boolean.TRUE.equals(customer.isEndConsumer())) {
                require(out, "customer.address", customer.address());
                require(out, "customer.city", customer.city());
            }
            if (d.transactionType() != null && d.transactionType().isB2b()) {
                require(out, "customer.tax_number", customer.taxNumber());
            }
        }
        if ((d.type() == DocumentType.INVOICE || d.type() == DocumentType.ADVANCE_INVOICE) && d.dateDue() == null) {
            out.add(missing("date_due"));
        }
        if (d.type() == DocumentType.INVOICE && d.dateService() == null) {
            out.add(missing("date_service"));
        }
        if (d instanceof Estimate && ((Estimate) d).dateValidTill() == null) {
            out.add(missing("date_valid_till"));
        }
        if (d.type() == DocumentType.CREDIT_NOTE && blank(d.reference())
                && d.documentRelations().stream().map(DocumentRelation::relationType).noneMatch(RelationType.CREDIT_FOR::equals)) {
            out.add(missing("reference"));
        }
        if (d.items().isEmpty()) {
            out.add(Violation.of("items", "required", "at least one item is required"));
        }
        for (int i = 0; i < d.items().size(); i++) {
            LineItem item = d.items().get(i);
            require(out, "items[" + i + "].name", item.name());
            if (!item.isSeparator()) {
                if (item.quantity() == null) {
                    out.add(missing("items[" + i + "].quantity"));
                }
                if (item.price() == null && item.grossPrice() == null && d.type() != DocumentType.DELIVERY_NOTE) {
                    out.add(missing("items[" + i + "].price"));
                }
            }
        }
        boolean reverseCharge = d.taxes().stream().anyMatch(TaxSummary::isReverseCharge)
                || d.items().stream().flatMap(i -> i.taxes().stream()).anyMatch(LineTax::isReverseCharge);
        if (reverseCharge && blank(d.taxClause())) {
            out.add(Violation.of("tax_clause", "required", "a reverse-charge document must state its tax clause"));
        }
    }

    private static void require(List<Violation> out, String path, String value) {
        if (blank(value)) {
            out.add(missing(path));
        }
    }

    private static Violation missing(String path) {
        return Violation.of(path, "required", "is required to render a complete document");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
