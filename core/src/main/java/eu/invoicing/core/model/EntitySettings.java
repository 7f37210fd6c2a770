package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The entity's settings (spec/lifecycle.md, "Entity"), each with the documented default.
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
     * Copies maps and replaces null parts with their defaults.
     *
     * @throws ValidationException (path {@code settings.default_due_days}) when the due days are negative or
     *     above {@value #MAX_DUE_DAYS}
     */
    public EntitySettings {
        defaultCalculationMode = defaultCalculationMode == null ? CalculationMode.B2B_STANDARD : defaultCalculationMode;
        numberFormats = enumMap(numberFormats, DocumentType.class);
        numberSequenceStarts = enumMap(numberSequenceStarts, DocumentType.class);
        euTaxRules = euTaxRules == null ? EuTaxRules.DEFAULT : euTaxRules;
        taxClauseDefaults = enumMap(taxClauseDefaults, TransactionType.class);
        defaultNotes = enumMap(defaultNotes, DocumentType.class);
        if (defaultDueDays < 0 || defaultDueDays > MAX_DUE_DAYS) {
            throw ValidationException.of("settings.default_due_days", "out_of_range", "must be between 0 and "
                    + MAX_DUE_DAYS + ", was " + defaultDueDays);
        }
        pdfTemplate = pdfTemplate == null ? "modern" : pdfTemplate;
        upnQr = upnQr == null ? UpnQr.DISABLED : upnQr;
        epcQr = epcQr == null ? new EpcQr(false) : epcQr;
        hub3 = hub3 == null ? new Hub3(false) : hub3;
        furs = furs == null ? Furs.DISABLED : furs;
        fina = fina == null ? Fina.DISABLED : fina;
        eslog = eslog == null ? new Eslog(false) : eslog;
    }

    /** @return the settings with every default */
    public static EntitySettings defaults() {
        return new EntitySettings(null, null, null, null, null, null, null, 30, null, null, null, null, false, false,
                null, null, null);
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

        /** Applies defaults. */
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

        /** Applies defaults. */
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

        /** Applies defaults. */
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
