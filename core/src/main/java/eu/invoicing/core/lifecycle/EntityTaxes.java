package eu.invoicing.core.lifecycle;

import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.spi.StoredTax;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The stored taxes of one issuing entity (docs/lifecycle.md, "Stored taxes"): create, get, update and list, over
 * the {@link eu.invoicing.core.spi.TaxStore} the {@link Invoicing} was built with. A line tax that gives only a
 * {@code tax_id} takes its rate, name and reverse-charge flag from here when the document is created or updated.
 * Obtained from {@link EntityDocuments#taxes()}; a tax of another entity is never found ({@link NotFoundException}).
 *
 * <p>Immutable and thread-safe when the SPIs are.
 */
public final class EntityTaxes {
    private final Scope s;

    EntityTaxes(Scope s) {
        this.s = s;
    }

    /**
     * Stores a new tax with a fresh {@code tax_…} id.
     *
     * @param name the printed name, e.g. {@code DDV 22 %}, not blank
     * @param rate the percentage, 0 to 100
     * @param category the VAT category
     * @param reverseCharge whether lines with this tax are reverse-charged
     * @return the stored tax
     * @throws ValidationException naming every bad field ({@code name}, {@code rate}, {@code category})
     */
    public StoredTax create(String name, BigDecimal rate, StoredTax.Category category, boolean reverseCharge) {
        StoredTax.check(name, rate, category);
        StoredTax tax = new StoredTax(s.core.ids.newId("tax_"), s.entityId(), name, rate, category, reverseCharge);
        s.write("saving tax", () -> {
            s.core.taxes.save(tax);
            return null;
        });
        return tax;
    }

    /**
     * Replaces a stored tax's values. Documents already created keep the rate they were calculated with.
     *
     * @param id the tax, not null
     * @param name the printed name, not blank
     * @param rate the percentage, 0 to 100
     * @param category the VAT category
     * @param reverseCharge whether lines with this tax are reverse-charged
     * @return the stored tax
     * @throws NotFoundException when absent or owned by another entity
     * @throws ValidationException naming every bad field
     */
    public StoredTax update(String id, String name, BigDecimal rate, StoredTax.Category category,
            boolean reverseCharge) {
        Objects.requireNonNull(id, "id");
        StoredTax.check(name, rate, category);
        return s.write("updating tax " + id, () -> {
            get(id);
            StoredTax tax = new StoredTax(id, s.entityId(), name, rate, category, reverseCharge);
            s.core.taxes.save(tax);
            return tax;
        });
    }

    /**
     * @param id the tax id, not null
     * @return the tax
     * @throws NotFoundException when absent or owned by another entity
     */
    public StoredTax get(String id) {
        Objects.requireNonNull(id, "id");
        return s.read("reading tax", () -> s.core.taxes.find(s.entityId(), id))
                .orElseThrow(() -> new NotFoundException("tax " + id + " not found"));
    }

    /** @return the entity's taxes in the order they were first saved */
    public List<StoredTax> list() {
        return s.read("listing taxes", () -> s.core.taxes.list(s.entityId()));
    }
}
