package eu.invoicing.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.TransactionType;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.numbering.NumberFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and writes the entity (spec/lifecycle.md, "Entity") in snake_case, settings nested as in the
 * spec ({@code settings.tax_rules.eu.auto_reverse_charge}, {@code settings.number_formats.invoice}, …).
 * Reading checks every field of the entity and its settings and reports every problem at once with its path,
 * so that the model's own checks never see a bad value (docs/wire-format.md lists the rules).
 *
 * <p>Stateless and thread-safe.
 */
final class EntityJson {
    private static final Pattern ENTITY_ID = Pattern.compile("ent_[0-9a-z]{1,64}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern PURPOSE_CODE = Pattern.compile("[A-Z]{4}");
    /** ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which the JDK lacks and invoices use. */
    private static final Set<String> COUNTRIES = countries();

    private EntityJson() {
    }

    private static Set<String> countries() {
        Set<String> codes = new HashSet<>(Arrays.asList(Locale.getISOCountries()));
        codes.add("XK");
        return Set.copyOf(codes);
    }

    static Entity read(JsonNode node, ViolationCollector out) {
        JsonObjectReader r = JsonObjectReader.of(node, "", out);
        if (r == null) {
            return null;
        }
        String id = r.string("id");
        if (id != null && !ENTITY_ID.matcher(id).matches()) {
            out.add("id", "invalid_id", "must be ent_ followed by lowercase letters and digits, was "
                    + JsonObjectReader.quote(id));
        }
        String name = r.string("name");
        if (name == null || name.isBlank()) {
            out.add("name", "required", "is required");
        }
        Boolean taxSubject = r.bool("is_tax_subject");
        String currency = r.currency("currency_code");
        String countryCode = r.string("country_code");
        if (countryCode != null && !COUNTRIES.contains(countryCode)) {
            out.add("country_code", "invalid_value", "must be an ISO 3166-1 alpha-2 code in capitals (e.g. SI), was "
                    + JsonObjectReader.quote(countryCode));
        }
        String locale = r.string("locale");
        if (locale != null && !isLanguageTag(locale)) {
            out.add("locale", "invalid_value", "must be a BCP 47 language tag (e.g. sl-SI), was "
                    + JsonObjectReader.quote(locale));
        }
        List<BankAccount> accounts = r.objects("bank_accounts", (a, i) -> bankAccount(a));
        if (accounts != null) {
            int defaults = 0;
            for (int i = 0; i < accounts.size(); i++) {
                if (accounts.get(i).isDefault() && ++defaults == 2) {
                    out.add("bank_accounts[" + i + "].is_default", "conflict", "only one bank account can be the"
                            + " default");
                }
            }
        }
        JsonObjectReader s = r.object("settings");
        EntitySettings settings = s == null ? EntitySettings.defaults() : settings(s);
        String address = r.string("address");
        String address2 = r.string("address_2");
        String postCode = r.string("post_code");
        String city = r.string("city");
        String state = r.string("state");
        String country = r.string("country");
        String taxNumber = r.string("tax_number");
        String companyNumber = r.string("company_number");
        String email = r.string("email");
        String phone = r.string("phone");
        String website = r.string("website");
        r.rejectUnknown();
        // Every field was checked above, so the model's own checks cannot fail on what reached this point.
        if (!out.isEmpty()) {
            return null;
        }
        return new Entity(id == null ? "ent_000000000000000000000001" : id, name, address, address2, postCode, city,
                state, country, countryCode, taxNumber, companyNumber, taxSubject == null || taxSubject, currency,
                locale, email, phone, website, accounts, settings);
    }

    private static BankAccount bankAccount(JsonObjectReader a) {
        String iban = a.string("iban");
        if (iban != null && !isIban(iban)) {
            a.violations().add(a.at("iban"), "invalid_format", "must be an IBAN (country code, check digits and"
                    + " account, no spaces) whose check digits match, was " + JsonObjectReader.quote(iban));
        }
        String bic = a.string("bic");
        if (bic != null && !BIC.matcher(bic).matches()) {
            a.violations().add(a.at("bic"), "invalid_format", "must be a BIC of 8 or 11 capital letters and digits,"
                    + " was " + JsonObjectReader.quote(bic));
        }
        return new BankAccount(iban, bic, a.string("bank_name"), Boolean.TRUE.equals(a.bool("is_default")));
    }

    /** Returns null when a value was refused (the violation is recorded), the settings otherwise. */
    private static EntitySettings settings(JsonObjectReader s) {
        ViolationCollector out = s.violations();
        EntitySettings d = EntitySettings.defaults();
        JsonObjectReader calc = s.object("calculation");
        CalculationMode mode = null;
        if (calc != null) {
            mode = calc.enumValue("default_mode", CalculationMode.class);
            calc.rejectUnknown();
        }
        Map<DocumentType, String> formats = kindMap(s.object("number_formats"), (r, k) -> {
            String format = r.string(k);
            if (format != null) {
                try {
                    NumberFormat.parse(format);
                } catch (ValidationException e) {
                    e.violations().forEach(v -> out.add(r.at(k), v.code(), v.message()));
                    return null;
                }
            }
            return format;
        });
        Map<DocumentType, Long> starts = kindMap(s.object("number_sequence_starts"), (r, k) -> {
            Integer v = r.integer(k);
            if (v != null && v < 1) {
                // Starting numbers below 1 would be read as 1 by the numbering.
                out.add(r.at(k), "out_of_range", "must be >= 1, was " + v);
                return null;
            }
            return v == null ? null : v.longValue();
        });
        EntitySettings.EuTaxRules rules = d.euTaxRules();
        JsonObjectReader taxRules = s.object("tax_rules");
        if (taxRules != null) {
            JsonObjectReader eu = taxRules.object("eu");
            if (eu != null) {
                rules = new EntitySettings.EuTaxRules(or(eu.bool("vies_validate_vat"), rules.viesValidateVat()),
                        or(eu.bool("auto_reverse_charge"), rules.autoReverseCharge()),
                        or(eu.bool("auto_remove_tax_export"), rules.autoRemoveTaxExport()),
                        or(eu.bool("require_gross_prices"), rules.requireGrossPrices()));
                eu.rejectUnknown();
            }
            taxRules.rejectUnknown();
        }
        Map<TransactionType, String> clauses = new EnumMap<>(TransactionType.class);
        clauses.putAll(d.taxClauseDefaults());
        JsonObjectReader clauseNode = s.object("tax_clause_defaults");
        if (clauseNode != null) {
            for (TransactionType t : TransactionType.values()) {
                String v = clauseNode.string(WireValues.of(t));
                if (v != null) {
                    clauses.put(t, v);
                }
            }
            clauseNode.rejectUnknown();
        }
        Map<DocumentType, String> notes = kindMap(s.object("default_notes"), JsonObjectReader::string);
        Integer dueDays = s.integer("default_due_days");
        if (dueDays != null && (dueDays < 0 || dueDays > EntitySettings.MAX_DUE_DAYS)) {
            out.add(s.at("default_due_days"), "out_of_range", "must be between 0 and " + EntitySettings.MAX_DUE_DAYS
                    + ", was " + dueDays);
            dueDays = null;
        }
        String template = s.string("pdf_template");
        if (template != null && template.isBlank()) {
            out.add(s.at("pdf_template"), "invalid_value", "must name a template (e.g. modern), was "
                    + JsonObjectReader.quote(template));
        }
        EntitySettings.UpnQr upn = null;
        JsonObjectReader upnNode = s.object("upn_qr");
        if (upnNode != null) {
            String purpose = upnNode.string("purpose_code");
            if (purpose != null && !PURPOSE_CODE.matcher(purpose).matches()) {
                out.add(upnNode.at("purpose_code"), "invalid_format", "must be an ISO 20022 purpose code of four"
                        + " capital letters (e.g. OTHR), was " + JsonObjectReader.quote(purpose));
            }
            upn = new EntitySettings.UpnQr(or(upnNode.bool("enabled"), false),
                    upnNode.enumValue("display_mode", EntitySettings.UpnDisplayMode.class), purpose);
            upnNode.rejectUnknown();
        }
        EntitySettings.Furs furs = null;
        JsonObjectReader fursNode = s.object("furs");
        if (fursNode != null) {
            furs = new EntitySettings.Furs(or(fursNode.bool("enabled"), false),
                    fursNode.enumValue("numbering_strategy", EntitySettings.FursNumberingStrategy.class));
            fursNode.rejectUnknown();
        }
        EntitySettings.Fina fina = null;
        JsonObjectReader finaNode = s.object("fina");
        if (finaNode != null) {
            fina = new EntitySettings.Fina(or(finaNode.bool("enabled"), false),
                    finaNode.enumValue("numbering_sequence", EntitySettings.FinaNumberingSequence.class));
            finaNode.rejectUnknown();
        }
        String paymentTerms = s.string("default_payment_terms");
        boolean epc = enabled(s, "epc_qr");
        boolean hub3 = enabled(s, "hub3");
        boolean negative = or(s.bool("credit_note_negative_values"), false);
        boolean hidePrices = or(s.bool("delivery_note_hide_prices"), false);
        boolean eslog = enabled(s, "eslog");
        s.rejectUnknown();
        return new EntitySettings(mode, formats, starts, rules, clauses, notes, paymentTerms,
                dueDays == null ? d.defaultDueDays() : dueDays, template, upn, new EntitySettings.EpcQr(epc),
                new EntitySettings.Hub3(hub3), negative, hidePrices, furs, fina, new EntitySettings.Eslog(eslog));
    }

    private static boolean enabled(JsonObjectReader s, String key) {
        JsonObjectReader node = s.object(key);
        if (node == null) {
            return false;
        }
        boolean on = or(node.bool("enabled"), false);
        node.rejectUnknown();
        return on;
    }

    private static <V> Map<DocumentType, V> kindMap(JsonObjectReader r,
            java.util.function.BiFunction<JsonObjectReader, String, V> value) {
        Map<DocumentType, V> map = new EnumMap<>(DocumentType.class);
        if (r == null) {
            return map;
        }
        for (DocumentType t : DocumentType.values()) {
            V v = value.apply(r, WireValues.of(t));
            if (v != null) {
                map.put(t, v);
            }
        }
        r.rejectUnknown();
        return map;
    }

    static boolean isLanguageTag(String tag) {
        try {
            new Locale.Builder().setLanguageTag(tag);
            return !tag.isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /** ISO 13616: structure and the mod-97 check digits. */
    static boolean isIban(String iban) {
        if (!IBAN.matcher(iban).matches()) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int digit = Character.digit(rearranged.charAt(i), 36);
            remainder = (digit > 9 ? remainder * 100 + digit : remainder * 10 + digit) % 97;
        }
        return remainder == 1;
    }

    private static boolean or(Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }

    static void write(Entity e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("name", e.name());
        optional(g, "address", e.address());
        optional(g, "address_2", e.address2());
        optional(g, "post_code", e.postCode());
        optional(g, "city", e.city());
        optional(g, "state", e.state());
        optional(g, "country", e.country());
        optional(g, "country_code", e.countryCode());
        optional(g, "tax_number", e.taxNumber());
        optional(g, "company_number", e.companyNumber());
        g.writeBooleanField("is_tax_subject", e.isTaxSubject());
        g.writeStringField("currency_code", e.currencyCode());
        g.writeStringField("locale", e.locale());
        optional(g, "email", e.email());
        optional(g, "phone", e.phone());
        optional(g, "website", e.website());
        g.writeArrayFieldStart("bank_accounts");
        for (BankAccount a : e.bankAccounts()) {
            g.writeStartObject();
            optional(g, "iban", a.iban());
            optional(g, "bic", a.bic());
            optional(g, "bank_name", a.bankName());
            g.writeBooleanField("is_default", a.isDefault());
            g.writeEndObject();
        }
        g.writeEndArray();
        EntitySettings s = e.settings();
        g.writeObjectFieldStart("settings");
        g.writeObjectFieldStart("calculation");
        g.writeStringField("default_mode", WireValues.of(s.defaultCalculationMode()));
        g.writeEndObject();
        kindMap(g, "number_formats", s.numberFormats(), v -> v);
        g.writeObjectFieldStart("number_sequence_starts");
        for (var en : s.numberSequenceStarts().entrySet()) {
            g.writeNumberField(WireValues.of(en.getKey()), en.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("tax_rules");
        g.writeObjectFieldStart("eu");
        g.writeBooleanField("vies_validate_vat", s.euTaxRules().viesValidateVat());
        g.writeBooleanField("auto_reverse_charge", s.euTaxRules().autoReverseCharge());
        g.writeBooleanField("auto_remove_tax_export", s.euTaxRules().autoRemoveTaxExport());
        g.writeBooleanField("require_gross_prices", s.euTaxRules().requireGrossPrices());
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("tax_clause_defaults");
        for (var en : s.taxClauseDefaults().entrySet()) {
            g.writeStringField(WireValues.of(en.getKey()), en.getValue());
        }
        g.writeEndObject();
        kindMap(g, "default_notes", s.defaultNotes(), v -> v);
        optional(g, "default_payment_terms", s.defaultPaymentTerms());
        g.writeNumberField("default_due_days", s.defaultDueDays());
        g.writeStringField("pdf_template", s.pdfTemplate());
        g.writeObjectFieldStart("upn_qr");
        g.writeBooleanField("enabled", s.upnQr().enabled());
        g.writeStringField("display_mode", WireValues.of(s.upnQr().displayMode()));
        g.writeStringField("purpose_code", s.upnQr().purposeCode());
        g.writeEndObject();
        enabled(g, "epc_qr", s.epcQr().enabled());
        enabled(g, "hub3", s.hub3().enabled());
        g.writeBooleanField("credit_note_negative_values", s.creditNoteNegativeValues());
        g.writeBooleanField("delivery_note_hide_prices", s.deliveryNoteHidePrices());
        g.writeObjectFieldStart("furs");
        g.writeBooleanField("enabled", s.furs().enabled());
        g.writeStringField("numbering_strategy", WireValues.of(s.furs().numberingStrategy()));
        g.writeEndObject();
        g.writeObjectFieldStart("fina");
        g.writeBooleanField("enabled", s.fina().enabled());
        g.writeStringField("numbering_sequence", WireValues.of(s.fina().numberingSequence()));
        g.writeEndObject();
        enabled(g, "eslog", s.eslog().enabled());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void enabled(JsonGenerator g, String key, boolean on) throws IOException {
        g.writeObjectFieldStart(key);
        g.writeBooleanField("enabled", on);
        g.writeEndObject();
    }

    private static <V> void kindMap(JsonGenerator g, String key, Map<DocumentType, V> map, Function<V, String> text)
            throws IOException {
        g.writeObjectFieldStart(key);
        for (var en : map.entrySet()) {
            g.writeStringField(WireValues.of(en.getKey()), text.apply(en.getValue()));
        }
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String key, String value) throws IOException {
        if (value != null) {
            g.writeStringField(key, value);
        }
    }
}
