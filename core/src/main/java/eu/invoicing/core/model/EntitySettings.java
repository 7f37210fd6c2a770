package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The entity's settings, each with the default its component documents (JSON shape and checks:
 * docs/wire-format.md, "Entities").
 *
 * <p>Build them with {@link #builder()} (which starts from {@link #defaults()} and checks every value), change
 * them with {@link #toBuilder()}.
 *
 * <p>Immutable and thread-safe; maps are copied on the way in.
 *
 * @param defaultCalculationMode default {@code b2b_standard}
 * @param numberFormats number format per kind; absent kinds use {@link #DEFAULT_NUMBER_FORMAT}
 * @param numberSequenceStarts first sequence number per kind (forward-only)
 * @param euTaxRules EU VAT rules
 * @param taxClauseDefaults tax clause printed per transaction type (e.g. reverse charge)
 * @param defaultNotes default note per kind
 * @param defaultPaymentTerms default payment terms text, nullable
 * @param defaultDueDays days from the document date to the due date, 0 to {@value #MAX_DUE_DAYS} (default 30)
 * @param pdfTemplate default template (default {@code modern})
 * @param upnQr Slovenian UPN QR settings
 * @param epcQr SEPA EPC QR settings
 * @param hub3 Croatian HUB3 barcode settings
 * @param creditNoteNegativeValues print credit note amounts as negative (default false)
 * @param deliveryNoteHidePrices hide prices on delivery notes by default (default false)
 * @param furs Slovenian fiscalization settings
 * @param fina Croatian fiscalization settings
 * @param eslog e-SLOG settings
 */
public record EntitySettings(CalculationMode defaultCalculationMode, Map<DocumentType, String> numberFormats,
        Map<DocumentType, Long> numberSequenceStarts, EuTaxRules euTaxRules,
        Map<TransactionType, String> taxClauseDefaults, Map<DocumentType, String> defaultNotes,
        String defaultPaymentTerms, int defaultDueDays, String pdfTemplate, UpnQr upnQr, EpcQr epcQr, Hub3 hub3,
        boolean creditNoteNegativeValues, boolean deliveryNoteHidePrices, Furs furs, Fina fina, Eslog eslog) {

    /** The number format used when the entity sets none: {@code {yyyy}-{nnnnn}} → {@code 2026-00001}. */
    public static final String DEFAULT_NUMBER_FORMAT = "{yyyy}-{nnnnn}";

    /** Longest {@code default_due_days} accepted (ten years). */
    public static final int MAX_DUE_DAYS = 3650;

    /**
     * Copies maps and replaces null parts with their defaults. Prefer {@link #builder()}, which checks every value
     * and reports every problem at once.
     *
     * @throws ValidationException (path {@code settings.default_due_days}) when the due days are negative or
     *     above {@value #MAX_DUE_DAYS}
     *
     * @param defaultCalculationMode default {@code b2b_standard}
     * @param numberFormats number format per kind; absent kinds use {@link #DEFAULT_NUMBER_FORMAT}
     * @param numberSequenceStarts first sequence number per kind (forward-only)
     * @param euTaxRules EU VAT rules
     * @param taxClauseDefaults tax clause printed per transaction type (e.g. reverse charge)
     * @param defaultNotes default note per kind
     * @param defaultPaymentTerms default payment terms text, nullable
     * @param defaultDueDays days from the document date to the due date, 0 to {@value #MAX_DUE_DAYS} (default 30)
     * @param pdfTemplate default template (default {@code modern})
     * @param upnQr Slovenian UPN QR settings
     * @param epcQr SEPA EPC QR settings
     * @param hub3 Croatian HUB3 barcode settings
     * @param creditNoteNegativeValues print credit note amounts as negative (default false)
     * @param deliveryNoteHidePrices hide prices on delivery notes by default (default false)
     * @param furs Slovenian fiscalization settings
     * @param fina Croatian fiscalization settings
     * @param eslog e-SLOG settings
     */
    public EntitySettings {
        defaultCalculationMode = defaultCalculationMode == null ? CalculationMode.B2B_STANDARD : defaultCalculationMode;
        numberFormats = enumMap(numberFormats, DocumentType.class);
        numberSequenceStarts = enumMap(numberSequenceStarts, DocumentType.class);
        euTaxRules = euTaxRules == null ? EuTaxRules.DEFAULT : euTaxRules;
        taxClauseDefaults = enumMap(taxClauseDefaults, TransactionType.class);
        defaultNotes = enumMap(defaultNotes, DocumentType.class);
        if (defaultDueDays < 0 || defaultDueDays > MAX_DUE_DAYS) {
            throw new ValidationException(java.util.List.of(dueDaysOutOfRange(defaultDueDays)));
        }
        pdfTemplate = pdfTemplate == null ? "modern" : pdfTemplate;
        upnQr = upnQr == null ? UpnQr.DISABLED : upnQr;
        epcQr = epcQr == null ? new EpcQr(false) : epcQr;
        hub3 = hub3 == null ? new Hub3(false) : hub3;
        furs = furs == null ? Furs.DISABLED : furs;
        fina = fina == null ? Fina.DISABLED : fina;
        eslog = eslog == null ? new Eslog(false) : eslog;
    }

    /** The settings with every default: the one place the documented defaults are applied. */
    private static final EntitySettings DEFAULTS = new EntitySettings(null, null, null, null, null, null, null, 30,
            null, null, null, null, false, false, null, null, null);

    /** @return the settings with every default */
    public static EntitySettings defaults() {
        return DEFAULTS;
    }

    private static Violation dueDaysOutOfRange(int days) {
        return Violation.of("settings.default_due_days", "out_of_range", "must be between 0 and " + MAX_DUE_DAYS
                + ", was " + days);
    }

    /**
     * @param type the kind, not null
     * @return the number format of the kind
     */
    public String numberFormat(DocumentType type) {
        return numberFormats.getOrDefault(type, DEFAULT_NUMBER_FORMAT);
    }

    private static <K extends Enum<K>, V> Map<K, V> enumMap(Map<K, V> source, Class<K> type) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        EnumMap<K, V> copy = new EnumMap<>(type);
        source.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
        return Collections.unmodifiableMap(copy);
    }

    /** @return a new builder holding {@link #defaults()} */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /** @return a builder initialised with every value of these settings; this instance is unaffected */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.defaultCalculationMode = defaultCalculationMode;
        b.numberFormats.putAll(numberFormats);
        b.numberSequenceStarts.putAll(numberSequenceStarts);
        b.euTaxRules = euTaxRules;
        b.taxClauseDefaults.putAll(taxClauseDefaults);
        b.defaultNotes.putAll(defaultNotes);
        b.defaultPaymentTerms = defaultPaymentTerms;
        b.defaultDueDays = defaultDueDays;
        b.pdfTemplate = pdfTemplate;
        b.upnQr = upnQr;
        b.epcQr = epcQr;
        b.hub3 = hub3;
        b.creditNoteNegativeValues = creditNoteNegativeValues;
        b.deliveryNoteHidePrices = deliveryNoteHidePrices;
        b.furs = furs;
        b.fina = fina;
        b.eslog = eslog;
        return b;
    }

    /**
     * Mutable, single-thread builder of settings, started from {@link EntitySettings#defaults()}: what is not set
     * keeps its default, and a null argument restores it. {@link #build()} checks every value and reports every
     * problem at once, at its wire path under {@code settings}. The number formats' syntax is checked where they
     * are parsed ({@code InvoicingJson.readEntity}, and numbering on finalize), not here.
     */
    public static final class Builder {
        private static final Pattern PURPOSE_CODE = Pattern.compile("[A-Z]{4}");

        private CalculationMode defaultCalculationMode;
        private final Map<DocumentType, String> numberFormats = new EnumMap<>(DocumentType.class);
        private final Map<DocumentType, Long> numberSequenceStarts = new EnumMap<>(DocumentType.class);
        private EuTaxRules euTaxRules;
        private final Map<TransactionType, String> taxClauseDefaults = new EnumMap<>(TransactionType.class);
        private final Map<DocumentType, String> defaultNotes = new EnumMap<>(DocumentType.class);
        private String defaultPaymentTerms;
        private int defaultDueDays;
        private String pdfTemplate;
        private UpnQr upnQr;
        private EpcQr epcQr;
        private Hub3 hub3;
        private boolean creditNoteNegativeValues;
        private boolean deliveryNoteHidePrices;
        private Furs furs;
        private Fina fina;
        private Eslog eslog;

        private Builder() {
        }

        /**
         * Sets the default calculation mode.
         *
         * @param v the default calculation mode, nullable ({@code b2b_standard})
         * @return this builder
         */
        public Builder defaultCalculationMode(CalculationMode v) {
            defaultCalculationMode = v;
            return this;
        }

        /**
         * @param v the number format per kind, replacing all; null (or a null value) means the default
         *     {@value EntitySettings#DEFAULT_NUMBER_FORMAT}
         * @return this
         */
        public Builder numberFormats(Map<DocumentType, String> v) {
            return replace(numberFormats, v);
        }

        /**
         * @param type the kind, not null
         * @param format its number format, e.g. {@code R-{yy}/{nnn}}; null restores the default
         * @return this
         */
        public Builder numberFormat(DocumentType type, String format) {
            return put(numberFormats, Objects.requireNonNull(type, "type"), format);
        }

        /**
         * Sets the first sequence number per kind.
         *
         * @param v the first sequence number per kind (≥ 1), replacing all; null means none
         * @return this builder
         */
        public Builder numberSequenceStarts(Map<DocumentType, Long> v) {
            return replace(numberSequenceStarts, v);
        }

        /**
         * @param type the kind, not null
         * @param start its first sequence number, ≥ 1 (numbering only moves forward); null removes it
         * @return this
         */
        public Builder numberSequenceStart(DocumentType type, Long start) {
            return put(numberSequenceStarts, Objects.requireNonNull(type, "type"), start);
        }

        /**
         * @param v the EU VAT rules, nullable ({@link EuTaxRules#DEFAULT}: VIES check on, automatic reverse charge
         *     off); e.g. {@code EuTaxRules.DEFAULT.withAutoReverseCharge(true)}
         * @return this
         */
        public Builder euTaxRules(EuTaxRules v) {
            euTaxRules = v;
            return this;
        }

        /**
         * Sets the tax clause per transaction type.
         *
         * @param v the tax clause per transaction type, replacing all; null means none
         * @return this builder
         */
        public Builder taxClauseDefaults(Map<TransactionType, String> v) {
            return replace(taxClauseDefaults, v);
        }

        /**
         * @param type the transaction type, not null
         * @param clause the clause printed on its documents (required under reverse charge unless the document
         *     has its own); null removes it
         * @return this
         */
        public Builder taxClauseDefault(TransactionType type, String clause) {
            return put(taxClauseDefaults, Objects.requireNonNull(type, "type"), clause);
        }

        /**
         * Sets the default note per kind.
         *
         * @param v the default note per kind, replacing all; null means none
         * @return this builder
         */
        public Builder defaultNotes(Map<DocumentType, String> v) {
            return replace(defaultNotes, v);
        }

        /**
         * Sets the default note of one kind.
         *
         * @param type the kind, not null
         * @param note its default note; null removes it
         * @return this builder
         * @throws NullPointerException if {@code type} is null
         */
        public Builder defaultNote(DocumentType type, String note) {
            return put(defaultNotes, Objects.requireNonNull(type, "type"), note);
        }

        /**
         * Sets the default payment terms text.
         *
         * @param v the default payment terms text, nullable
         * @return this builder
         */
        public Builder defaultPaymentTerms(String v) {
            defaultPaymentTerms = v;
            return this;
        }

        /**
         * @param v days from the document date to the due date, 0 to {@value EntitySettings#MAX_DUE_DAYS} (30)
         * @return this
         */
        public Builder defaultDueDays(int v) {
            defaultDueDays = v;
            return this;
        }

        /**
         * Sets the default template.
         *
         * @param v the default template, not blank; nullable ({@code modern})
         * @return this builder
         */
        public Builder pdfTemplate(String v) {
            pdfTemplate = v;
            return this;
        }

        /**
         * Sets the UPN QR settings.
         *
         * @param v the UPN QR settings, nullable ({@link UpnQr#DISABLED})
         * @return this builder
         */
        public Builder upnQr(UpnQr v) {
            upnQr = v;
            return this;
        }

        /**
         * Sets the EPC QR settings.
         *
         * @param v the EPC QR settings, nullable (disabled)
         * @return this builder
         */
        public Builder epcQr(EpcQr v) {
            epcQr = v;
            return this;
        }

        /**
         * Sets the HUB3 settings.
         *
         * @param v the HUB3 settings, nullable (disabled)
         * @return this builder
         */
        public Builder hub3(Hub3 v) {
            hub3 = v;
            return this;
        }

        /**
         * Sets whether credit note amounts are printed as negative.
         *
         * @param v print credit note amounts as negative (default false)
         * @return this builder
         */
        public Builder creditNoteNegativeValues(boolean v) {
            creditNoteNegativeValues = v;
            return this;
        }

        /**
         * Sets whether delivery notes hide prices by default.
         *
         * @param v hide prices on delivery notes by default (default false)
         * @return this builder
         */
        public Builder deliveryNoteHidePrices(boolean v) {
            deliveryNoteHidePrices = v;
            return this;
        }

        /**
         * Sets the FURS (Slovenian fiscalization) settings.
         *
         * @param v the FURS settings, nullable ({@link Furs#DISABLED})
         * @return this builder
         */
        public Builder furs(Furs v) {
            furs = v;
            return this;
        }

        /**
         * Sets the FINA (Croatian fiscalization) settings.
         *
         * @param v the FINA settings, nullable ({@link Fina#DISABLED})
         * @return this builder
         */
        public Builder fina(Fina v) {
            fina = v;
            return this;
        }

        /**
         * Sets the e-SLOG settings.
         *
         * @param v the e-SLOG settings, nullable (disabled)
         * @return this builder
         */
        public Builder eslog(Eslog v) {
            eslog = v;
            return this;
        }

        /**
         * @return the immutable settings
         * @throws ValidationException with every problem, each at its wire path:
         *     {@code settings.default_due_days} and {@code settings.number_sequence_starts.{kind}}
         *     ({@code out_of_range}), {@code settings.pdf_template} ({@code invalid_value}: blank),
         *     {@code settings.upn_qr.purpose_code} ({@code invalid_format}: not four capital letters)
         */
        public EntitySettings build() {
            ViolationCollector out = new ViolationCollector();
            if (defaultDueDays < 0 || defaultDueDays > MAX_DUE_DAYS) {
                out.add(dueDaysOutOfRange(defaultDueDays));
            }
            numberSequenceStarts.forEach((type, start) -> {
                if (start < 1) {
                    // Starting numbers below 1 would be read as 1 by the numbering.
                    out.add("settings.number_sequence_starts." + wire(type), "out_of_range", "must be >= 1, was "
                            + start);
                }
            });
            if (pdfTemplate != null && pdfTemplate.isBlank()) {
                out.add("settings.pdf_template", "invalid_value", "must name a template (e.g. modern), was "
                        + Violation.quote(pdfTemplate));
            }
            if (upnQr != null && upnQr.purposeCode() != null && !PURPOSE_CODE.matcher(upnQr.purposeCode()).matches()) {
                out.add("settings.upn_qr.purpose_code", "invalid_format", "must be an ISO 20022 purpose code of four"
                        + " capital letters (e.g. OTHR), was " + Violation.quote(upnQr.purposeCode()));
            }
            out.throwIfAny();
            return new EntitySettings(defaultCalculationMode, numberFormats, numberSequenceStarts, euTaxRules,
                    taxClauseDefaults, defaultNotes, defaultPaymentTerms, defaultDueDays, pdfTemplate, upnQr, epcQr,
                    hub3, creditNoteNegativeValues, deliveryNoteHidePrices, furs, fina, eslog);
        }

        /** A kind as it appears in a path: its wire value (the lowercase constant name, as {@code WireValues}). */
        private static String wire(DocumentType type) {
            return type.name().toLowerCase(Locale.ROOT);
        }

        private <K, V> Builder replace(Map<K, V> target, Map<K, V> source) {
            target.clear();
            if (source != null) {
                source.forEach((k, v) -> put(target, Objects.requireNonNull(k, "key"), v));
            }
            return this;
        }

        private <K, V> Builder put(Map<K, V> target, K key, V value) {
            if (value == null) {
                target.remove(key);
            } else {
                target.put(key, value);
            }
            return this;
        }
    }

    /**
     * EU VAT rules ({@code tax_rules.eu}).
     *
     * @param viesValidateVat check customers' VAT numbers (default true)
     * @param autoReverseCharge apply reverse charge to EU / third-country B2B sales (default false)
     * @param autoRemoveTaxExport remove tax on exports (default false)
     * @param requireGrossPrices require gross prices on lines (default false)
     */
    public record EuTaxRules(boolean viesValidateVat, boolean autoReverseCharge, boolean autoRemoveTaxExport,
            boolean requireGrossPrices) {
        /** The documented defaults. */
        public static final EuTaxRules DEFAULT = new EuTaxRules(true, false, false, false);

        /**
         * @param v check customers' VAT numbers
         * @return a copy with it changed, or this when equal; this instance is unaffected
         */
        public EuTaxRules withViesValidateVat(boolean v) {
            return v == viesValidateVat ? this
                    : new EuTaxRules(v, autoReverseCharge, autoRemoveTaxExport, requireGrossPrices);
        }

        /**
         * @param v apply reverse charge to EU / third-country B2B sales
         * @return a copy with it changed, or this when equal; this instance is unaffected
         */
        public EuTaxRules withAutoReverseCharge(boolean v) {
            return v == autoReverseCharge ? this
                    : new EuTaxRules(viesValidateVat, v, autoRemoveTaxExport, requireGrossPrices);
        }

        /**
         * @param v remove tax on exports
         * @return a copy with it changed, or this when equal; this instance is unaffected
         */
        public EuTaxRules withAutoRemoveTaxExport(boolean v) {
            return v == autoRemoveTaxExport ? this
                    : new EuTaxRules(viesValidateVat, autoReverseCharge, v, requireGrossPrices);
        }

        /**
         * @param v require gross prices on lines
         * @return a copy with it changed, or this when equal; this instance is unaffected
         */
        public EuTaxRules withRequireGrossPrices(boolean v) {
            return v == requireGrossPrices ? this
                    : new EuTaxRules(viesValidateVat, autoReverseCharge, autoRemoveTaxExport, v);
        }
    }

    /** How the UPN QR is printed. */
    public enum UpnDisplayMode {
        /** Only the QR code. */
        QR_ONLY,
        /** The whole UPN payment slip with the QR code. */
        FULL_SLIP
    }

    /**
     * Slovenian UPN QR ({@code upn_qr}).
     *
     * @param enabled print it (default false)
     * @param displayMode qr_only (default) or full_slip
     * @param purposeCode ISO 20022 purpose code (default {@code OTHR})
     */
    public record UpnQr(boolean enabled, UpnDisplayMode displayMode, String purposeCode) {
        /** Disabled, with the defaults. */
        public static final UpnQr DISABLED = new UpnQr(false, null, null);

        /**
         * Applies defaults.
         *
         * @param enabled print it (default false)
         * @param displayMode qr_only (default) or full_slip
         * @param purposeCode ISO 20022 purpose code (default {@code OTHR})
         */
        public UpnQr {
            displayMode = displayMode == null ? UpnDisplayMode.QR_ONLY : displayMode;
            purposeCode = purposeCode == null ? "OTHR" : purposeCode;
        }
    }

    /**
     * SEPA EPC QR ({@code epc_qr}), EUR only.
     *
     * @param enabled print it (default false)
     */
    public record EpcQr(boolean enabled) {
    }

    /**
     * Croatian HUB3 PDF417 barcode ({@code hub3}).
     *
     * @param enabled print it (default false)
     */
    public record Hub3(boolean enabled) {
    }

    /** FURS numbering structure. */
    public enum FursNumberingStrategy {
        /** One sequence per business premise (central). */
        C,
        /** One sequence per electronic device. */
        B
    }

    /**
     * Slovenian fiscalization ({@code furs}).
     *
     * @param enabled fiscalize on finalize (default false)
     * @param numberingStrategy C (default) or B
     */
    public record Furs(boolean enabled, FursNumberingStrategy numberingStrategy) {
        /** Disabled, with the defaults. */
        public static final Furs DISABLED = new Furs(false, null);

        /**
         * Applies defaults.
         *
         * @param enabled fiscalize on finalize (default false)
         * @param numberingStrategy C (default) or B
         */
        public Furs {
            numberingStrategy = numberingStrategy == null ? FursNumberingStrategy.C : numberingStrategy;
        }
    }

    /** FINA sequence marker ({@code OznSlijed}). */
    public enum FinaNumberingSequence {
        /** One sequence per business premise. */
        P,
        /** One sequence per payment device. */
        N
    }

    /**
     * Croatian fiscalization ({@code fina}).
     *
     * @param enabled fiscalize on finalize (default false)
     * @param numberingSequence P (default) or N
     */
    public record Fina(boolean enabled, FinaNumberingSequence numberingSequence) {
        /** Disabled, with the defaults. */
        public static final Fina DISABLED = new Fina(false, null);

        /**
         * Applies defaults.
         *
         * @param enabled fiscalize on finalize (default false)
         * @param numberingSequence P (default) or N
         */
        public Fina {
            numberingSequence = numberingSequence == null ? FinaNumberingSequence.P : numberingSequence;
        }
    }

    /**
     * e-SLOG ({@code eslog}).
     *
     * @param enabled validate and offer e-SLOG for documents (default false)
     */
    public record Eslog(boolean enabled) {
    }
}
