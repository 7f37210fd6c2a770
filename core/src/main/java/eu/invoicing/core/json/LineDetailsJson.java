package eu.invoicing.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.ItemIdentifier;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.Period;
import java.io.IOException;
import java.util.Set;

/**
 * The wire mapping of a line's EN 16931 details ({@link LineDetails}), flat on the item object:
 * {@code list_price}, {@code price_discount}, {@code price_base_quantity}, {@code period {start, end}},
 * {@code note}, {@code order_line_reference}, {@code accounting_reference}, {@code buyer_item_id},
 * {@code standard_id {id, scheme}}, {@code classifications [{code, list_id, list_version}]},
 * {@code origin_country}, {@code attributes [{name, value}]}. Each key is written only when it has a value, so
 * a line without details is written as before. Stateless and thread-safe.
 */
final class LineDetailsJson {

    private LineDetailsJson() {
    }

    /** Writes the details' keys into the item object being written. */
    static void write(JsonGenerator g, LineDetails d) throws IOException {
        if (d.isEmpty()) {
            return;
        }
        DocumentJsonWriter.FieldWriter w = new DocumentJsonWriter.FieldWriter(g, Set.of());
        w.decimal("list_price", d.listPrice());
        w.decimal("price_discount", d.priceDiscount());
        w.decimal("price_base_quantity", d.priceBaseQuantity());
        if (w.wants("period", d.period())) {
            g.writeStartObject();
            w.plainDate("start", d.period().start());
            w.plainDate("end", d.period().end());
            g.writeEndObject();
        }
        w.string("note", d.note());
        w.string("order_line_reference", d.orderLineReference());
        w.string("accounting_reference", d.accountingReference());
        w.string("buyer_item_id", d.buyerItemId());
        if (w.wants("standard_id", d.standardId())) {
            g.writeStartObject();
            w.string("id", d.standardId().id());
            w.string("scheme", d.standardId().scheme());
            g.writeEndObject();
        }
        if (w.wants("classifications", d.classifications())) {
            g.writeStartArray();
            for (ItemClassification c : d.classifications()) {
                g.writeStartObject();
                w.string("code", c.code());
                w.string("list_id", c.listId());
                w.string("list_version", c.listVersion());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        w.string("origin_country", d.originCountry());
        if (w.wants("attributes", d.attributes())) {
            g.writeStartArray();
            for (ItemAttribute a : d.attributes()) {
                g.writeStartObject();
                w.string("name", a.name());
                w.string("value", a.value());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    /** Reads the details' keys from the item object being read; bad values are reported at their paths. */
    static LineDetails read(JsonObjectReader r) {
        LineDetails.Builder b = LineDetails.builder().listPrice(r.decimal("list_price"))
                .priceDiscount(r.decimal("price_discount")).priceBaseQuantity(r.decimal("price_base_quantity"))
                .note(r.string("note")).orderLineReference(r.string("order_line_reference"))
                .accountingReference(r.string("accounting_reference")).buyerItemId(r.string("buyer_item_id"))
                .originCountry(r.string("origin_country"));
        JsonObjectReader period = r.object("period");
        if (period != null) {
            b.period(new Period(period.date("start"), period.date("end")));
            period.rejectUnknown();
        }
        JsonObjectReader standard = r.object("standard_id");
        if (standard != null) {
            b.standardId(new ItemIdentifier(standard.string("id"), standard.string("scheme")));
            standard.rejectUnknown();
        }
        b.classifications(r.objects("classifications",
                (c, i) -> new ItemClassification(c.string("code"), c.string("list_id"), c.string("list_version"))));
        b.attributes(r.objects("attributes", (a, i) -> new ItemAttribute(a.string("name"), a.string("value"))));
        return b.build();
    }
}
