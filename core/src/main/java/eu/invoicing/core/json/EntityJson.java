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
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and writes the entity (spec/lifecycle.md, "Entity") in snake_case, settings nested as in the
 * spec ({@code settings.tax_rules.eu.auto_reverse_charge}, {@code settings.number_formats.invoice}, …).
 *
 * <p>Stateless and thread-safe.
 */
final class EntityJson {
    private EntityJson() {
    }

    static Entity read(JsonNode node, ViolationCollector out) {
        JsonObjectReader r = JsonObjectReader.of(node, "", out);
        if (r == null) {
            return null;
        }
        String id = r.string("id");
        String name = r.string("name");
        if (name == null) {
            out.add("name", "required", "is required");
        }
        Boolean taxSubject = r.bool("is_tax_subject");
        String currency = r.string("currency_code");
        if (currency != null) {
            try {
                java.util.Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                out.add("currency_code", "unknown_currency", "not an ISO 4217 currency code, was \"" + currency + "\"");
            }
        }
        List<BankAccount> accounts = r.objects("bank_accounts", (a, i) -> new BankAccount(a.string("iban"),
                a.string("bic"), a.string("bank_name"), Boolean.TRUE.equals(a.bool("is_default"))));
        JsonObjectReader s = r.object("settings");
        EntitySettings settings = s == null ? EntitySettings.defaults() : settings(s);
        Entity entity = new Entity(id == null ? "ent_000000000000000000000001" : id, name == null ? "" : name,
                r.string("address"), r.string("address_2"), r.string("post_code"), r.string("city"),
                r.string("state"), r.string("country"), r.string("country_code"), r.string("tax_number"),
                r.string("company_number"), taxSubject == null || taxSubject, currency, r.string("locale"),
                r.string("email"), r.string("phone"), r.string("website"), accounts, settings);
        r.rejectUnknown();
        return out.isEmpty() ? entity : null;
    }

    private static EntitySettings settings(JsonObjectReader s) {
        EntitySettings d = EntitySettings.defaults();
        JsonObjectReader calc = s.object("calculation");
        CalculationMode mode = null;
        if (calc != null) {
            mode = calc.enumValue("default_mode", CalculationMode.class);
            calc.rejectUnknown();
        }
        Map<DocumentType, String> formats = kindMap(s.object("number_formats"), JsonObjectReader::string);
        Map<DocumentType, Long> starts = kindMap(s.object("number_sequence_starts"), (r, k) -> {
            Integer v = r.integer(k);
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
        EntitySettings.UpnQr upn = null;
        JsonObjectReader upnNode = s.object("upn_qr");
        if (upnNode != null) {
            upn = new EntitySettings.UpnQr(or(upnNode.bool("enabled"), false),
                    upnNode.enumValue("display_mode", EntitySettings.UpnDisplayMode.class), upnNode.string("purpose_code"));
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
        EntitySettings settings = new EntitySettings(mode, formats, starts, rules, clauses, notes,
                s.string("default_payment_terms"), dueDays == null ? d.defaultDueDays() : dueDays,
                s.string("pdf_template"), upn, new EntitySettings.EpcQr(enabled(s, "epc_qr")),
                new EntitySettings.Hub3(enabled(s, "hub3")), or(s.bool("credit_note_negative_values"), false),
                or(s.bool("delivery_note_hide_prices"), false), furs, fina,
                new EntitySettings.Eslog(enabled(s, "eslog")));
        s.rejectUnknown();
        return settings;
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
