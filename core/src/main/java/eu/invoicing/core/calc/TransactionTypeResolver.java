package eu.invoicing.core.calc;

import eu.invoicing.core.SpiException;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.TransactionType;
import eu.invoicing.core.model.ViesCheck;
import eu.invoicing.core.spi.VatNumberValidator;
import java.util.Objects;

/**
 * Classifies a sale: domestic, intra-EU B2B/B2C or third-country
 * B2B/B2C, and decides whether reverse charge applies automatically (docs/calculation.md, "Reverse charge").
 *
 * <p>Immutable and thread-safe when its {@link VatNumberValidator} is.
 */
public final class TransactionTypeResolver {
    private final VatNumberValidator vatNumbers;

    /**
     * Creates a resolver that checks B2B customers' VAT numbers with the given validator.
     *
     * @param vatNumbers the VAT-number validator, not null
     * @throws NullPointerException if {@code vatNumbers} is null
     */
    public TransactionTypeResolver(VatNumberValidator vatNumbers) {
        this.vatNumbers = Objects.requireNonNull(vatNumbers, "vatNumbers");
    }

    /**
     * The outcome of a resolution.
     *
     * @param type the transaction type, not null
     * @param vies the VAT-number check made, nullable
     * @param autoReverseCharge whether reverse charge applies to every taxed line
     * @param issuerTaxSubject false when the issuer is outside the VAT system (no reverse charge at all)
     * @param removeExportTax whether the line taxes are removed: an export outside the EU by an EU tax subject
     *     whose entity has {@code tax_rules.eu.auto_remove_tax_export} on
     */
    public record Resolution(TransactionType type, ViesCheck vies, boolean autoReverseCharge,
            boolean issuerTaxSubject, boolean removeExportTax) {
    }

    /**
     * @param issuer the issuer snapshot, not null
     * @param customer the customer, nullable (no customer → domestic)
     * @param entity the entity, for its settings, not null
     * @return the classification
     */
    public Resolution resolve(Party issuer, Party customer, Entity entity) {
        boolean taxSubject = !Boolean.FALSE.equals(issuer.isTaxSubject()) && entity.isTaxSubject();
        String from = Countries.resolve(issuer.countryCode(), issuer.country());
        if (from == null) {
            from = Countries.resolve(entity.countryCode(), entity.country());
        }
        String to = customer == null ? null : Countries.resolve(customer.countryCode(), customer.country());
        if (to == null || to.equals(from)) {
            return new Resolution(TransactionType.DOMESTIC, null, false, taxSubject, false);
        }
        boolean hasTaxNumber = customer.taxNumber() != null && !customer.taxNumber().isBlank();
        TransactionType type;
        ViesCheck vies = null;
        if (Countries.isEu(to) && Countries.isEu(from)) {
            boolean accepted = false;
            if (taxSubject && hasTaxNumber) {
                if (entity.settings().euTaxRules().viesValidateVat()) {
                    vies = check(to, customer.taxNumber());
                    accepted = vies.accepted();
                } else {
                    accepted = true;
                }
            }
            type = accepted ? TransactionType.INTRA_EU_B2B : TransactionType.INTRA_EU_B2C;
        } else {
            boolean business = taxSubject && hasTaxNumber && !Boolean.TRUE.equals(customer.isEndConsumer());
            type = business ? TransactionType.THIRD_COUNTRY_B2B : TransactionType.THIRD_COUNTRY_B2C;
        }
        boolean reverse = taxSubject && Countries.isEu(from) && type.isB2b()
                && entity.settings().euTaxRules().autoReverseCharge();
        boolean export = taxSubject && Countries.isEu(from) && !Countries.isEu(to)
                && entity.settings().euTaxRules().autoRemoveTaxExport();
        return new Resolution(type, vies, reverse && !export, taxSubject, export);
    }

    private ViesCheck check(String country, String number) {
        try {
            return Objects.requireNonNull(vatNumbers.check(country, number), "VatNumberValidator returned null");
        } catch (RuntimeException e) {
            throw new SpiException("VAT number check failed for " + country, e);
        }
    }
}
