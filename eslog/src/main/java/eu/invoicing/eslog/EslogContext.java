package eu.invoicing.eslog;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.Entity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an e-SLOG invoice carries beyond the {@link eu.invoicing.core.model.Document} itself: the
 * seller's bank account (IBAN BT-84, BIC BT-86), the payment reference (BT-83, {@code RFF PQ}), the
 * preceding invoice a credit note corrects (BT-25/26, {@code RFF OI} + {@code DTM 384}), the payment
 * means code (BT-81, UNCL4461) and the payment purpose code (NBT-042, ISO 20022).
 *
 * <p>The serializer takes it as input; the reader returns what it found in the XML. Every component
 * is nullable except {@code paymentMeansCode}. Immutable and thread-safe.
 *
 * @param bankAccount the seller's account, nullable (the validator reports it missing)
 * @param paymentReference the payment reference; nullable: the serializer then derives
 *        {@code SI00 <number>} when the number has only digits and hyphens
 * @param precedingInvoice the invoice a credit note corrects; nullable: the serializer then uses the
 *        document's {@code credit_for} relation (number only)
 * @param paymentMeansCode UNCL4461 payment means, not null ({@value #CREDIT_TRANSFER} credit transfer by default);
 *        the serializer writes it when the document has no payment means of its own (BG-16), whose first code wins
 * @param purposeCode ISO 20022 purpose code such as {@code OTHR} or {@code GDSV}, nullable
 */
public record EslogContext(BankAccount bankAccount, String paymentReference, PrecedingInvoice precedingInvoice,
        String paymentMeansCode, String purposeCode) {

    /** UNCL4461 code 30, credit transfer: what the official sample uses. */
    public static final String CREDIT_TRANSFER = "30";

    /** No extra data: credit transfer, everything else absent or derived. */
    public static final EslogContext NONE = new EslogContext(null, null, null, CREDIT_TRANSFER, null);

    /**
     * Checks the payment means code.
     *
     * @param bankAccount the seller's account, nullable (the validator reports it missing)
     * @param paymentReference the payment reference; nullable: the serializer then derives
     *     {@code SI00 <number>} when the number has only digits and hyphens
     * @param precedingInvoice the invoice a credit note corrects; nullable: the serializer then uses the
     *     document's {@code credit_for} relation (number only)
     * @param paymentMeansCode UNCL4461 payment means, not null ({@value #CREDIT_TRANSFER} credit transfer by default)
     * @param purposeCode ISO 20022 purpose code such as {@code OTHR} or {@code GDSV}, nullable
     * @throws NullPointerException if a component documented as not null is null
     */
    public EslogContext {
        Objects.requireNonNull(paymentMeansCode, "paymentMeansCode");
    }

    /**
     * The context an entity gives: its default bank account and, when UPN QR is configured, its
     * payment purpose code.
     *
     * @param entity the issuing entity, not null
     * @return the context
     * @throws NullPointerException if {@code entity} is null
     */
    public static EslogContext forEntity(Entity entity) {
        Objects.requireNonNull(entity, "entity");
        String purpose = entity.settings().upnQr().enabled() ? entity.settings().upnQr().purposeCode() : null;
        return new EslogContext(entity.defaultBankAccount(), null, null, CREDIT_TRANSFER, purpose);
    }

    /**
     * Checks that an entity offers e-SLOG output, as the reference says of it: "Only available for
     * Slovenian entities with e-SLOG support". Support is the entity setting {@code eslog.enabled}
     * (default false); the entity's country code must be {@code SI}. Hosts call it before handing out
     * e-SLOG (bulk export, shareable download, the command line); the serializer itself does not, so
     * that tests and tools can convert any document.
     *
     * @param entity the issuing entity, not null
     * @throws ValidationException naming every reason: {@code entity.country_code}
     *     ({@code eslog_unavailable}) for a non-Slovenian entity, {@code settings.eslog.enabled}
     *     ({@code eslog_disabled}) when the setting is off
     * @throws NullPointerException if {@code entity} is null
     */
    public static void requireAvailable(Entity entity) {
        Objects.requireNonNull(entity, "entity");
        List<Violation> problems = new ArrayList<>();
        if (!"SI".equalsIgnoreCase(entity.countryCode())) {
            problems.add(Violation.of("entity.country_code", "eslog_unavailable",
                    "e-SLOG export is only available for Slovenian entities, was " + entity.countryCode()));
        }
        if (!entity.settings().eslog().enabled()) {
            problems.add(Violation.of("settings.eslog.enabled", "eslog_disabled",
                    "e-SLOG is not enabled for this entity: set settings.eslog.enabled to true"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /**
     * @param account the seller's bank account, nullable
     * @return a copy with the account; this instance is unaffected
     */
    public EslogContext withBankAccount(BankAccount account) {
        return new EslogContext(account, paymentReference, precedingInvoice, paymentMeansCode, purposeCode);
    }

    /**
     * @param reference the payment reference (e.g. {@code SI00 2026-0001} or {@code RF18...}), nullable
     * @return a copy with the reference; this instance is unaffected
     */
    public EslogContext withPaymentReference(String reference) {
        return new EslogContext(bankAccount, reference, precedingInvoice, paymentMeansCode, purposeCode);
    }

    /**
     * @param invoice the preceding (credited) invoice, nullable
     * @return a copy with it; this instance is unaffected
     */
    public EslogContext withPrecedingInvoice(PrecedingInvoice invoice) {
        return new EslogContext(bankAccount, paymentReference, invoice, paymentMeansCode, purposeCode);
    }

    /**
     * @param code UNCL4461 payment means code, not null
     * @return a copy with it; this instance is unaffected
     * @throws NullPointerException if {@code code} is null
     */
    public EslogContext withPaymentMeansCode(String code) {
        return new EslogContext(bankAccount, paymentReference, precedingInvoice, code, purposeCode);
    }

    /**
     * @param code ISO 20022 purpose code, nullable
     * @return a copy with it; this instance is unaffected
     */
    public EslogContext withPurposeCode(String code) {
        return new EslogContext(bankAccount, paymentReference, precedingInvoice, paymentMeansCode, code);
    }

    /**
     * The invoice a credit note (or corrected invoice) refers to.
     *
     * @param number the preceding invoice's number (BT-25), not null
     * @param date its issue date (BT-26), nullable
     */
    public record PrecedingInvoice(String number, LocalDate date) {
        /**
         * Checks the number.
         *
         * @param number the preceding invoice's number (BT-25), not null
         * @param date its issue date (BT-26), nullable
         * @throws NullPointerException if a component documented as not null is null
         */
        public PrecedingInvoice {
            Objects.requireNonNull(number, "number");
        }
    }
}
