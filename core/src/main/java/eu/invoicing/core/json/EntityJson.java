package eu.invoicing.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.TransactionType;
import eu.invoicing.core.numbering.NumberFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the entity (docs/wire-format.md, "Entities") in snake_case, settings nested as in the
 * reference API ({@code settings.tax_rules.eu.auto_reverse_charge}, {@code settings.number_formats.invoice}, …).
 * Reading checks what only JSON can get wrong (types, enum values, unknown keys) and the number formats, then
 * hands the values to {@link Entity#builder()} and {@link EntitySettings#builder()}, which check the rest and
 * apply the defaults; every problem is reported at once with its path (docs/wire-format.md lists the rules).
 *
 * <p>Stateless and thread-safe.
 */
final class EntityJson {
    /** The id of an entity read without one (the command-line tool's sample entity has it too). */
    private static final String DEFAULT_ID = "ent_000000000000000000000001";
    private static final Pattern LIST_PATH = Pattern.compile("(bank_accounts|identifiers)\\[(\\d+)](.*)");

    private EntityJson() {
    }

    /**
     * Reads what the JSON holds (types, enum values, unknown keys, number formats) and leaves every other check
     * and every default to {@link Entity#builder()} and {@link EntitySettings#builder()}, so that the JSON and
     * the Java API accept exactly the same entities.
     */
    static Entity read(JsonNode node, ViolationCollector out) {
        JsonObjectReader r = JsonObjectReader.of(node, "", out);
        if (r == null) {
            return null;
        }
        String id = r.string("id");
        // The array index of each account and identifier read: an element that is not an object is reported and
        // skipped, so the builder's index of an element is mapped back to the array's.
        List<Integer> accountIndex = new ArrayList<>();
        List<Integer> identifierIndex = new ArrayList<>();
        Entity.Builder b = Entity.builder().id(id == null ? DEFAULT_ID : id).name(r.string("name"))
                .address(r.string("address")).address2(r.string("address_2")).postCode(r.string("post_code"))
                .city(r.string("city")).state(r.string("state")).country(r.string("country"))
                .countryCode(r.string("country_code")).taxNumber(r.string("tax_number"))
                .companyNumber(r.string("company_number")).currency(r.currency("currency_code"))
                .identifiers(DocumentJsonReader.identifiers(r, identifierIndex))
                .locale(r.string("locale")).email(r.string("email")).phone(r.string("phone"))
                .website(r.string("website"));
        Boolean taxSubject = r.bool("is_tax_subject");
        if (taxSubject != null) {
            b.isTaxSubject(taxSubject);
        }
        b.bankAccounts(r.objects("bank_accounts", (a, i) -> {
            accountIndex.add(i);
            return new BankAccount(a.string("iban"), a.string("bic"), a.string("bank_name"),
                    Boolean.TRUE.equals(a.bool("is_default")));
        }));
        JsonObjectReader s = r.object("settings");
        if (s != null) {
            b.settings(settings(s));
        }
        r.rejectUnknown();
        Entity entity = build(b::build, out, path -> {
            Matcher m = LIST_PATH.matcher(path);
            if (!m.matches()) {
                return path;
            }
            List<Integer> index = m.group(1).equals("identifiers") ? identifierIndex : accountIndex;
            return m.group(1) + "[" + index.get(Integer.parseInt(m.group(2))) + "]" + m.group(3);
        });
        return out.isEmpty() ? entity : null;
    }

    /**
     * Builds, adding the builder's violations to {@code out} except at a path where reading already reported
     * one (a value of the wrong type reaches the builder as absent). Returns null when the builder refused.
     */
    private static <T> T build(Supplier<T> builder, ViolationCollector out, UnaryOperator<String> path) {
        try {
            return builder.get();
        } catch (ValidationException e) {
            Set<String> reported = new HashSet<>();
            out.violations().forEach(v -> reported.add(v.path()));
            for (Violation v : e.violations()) {
                String at = path.apply(v.path());
                if (!reported.contains(at)) {
                    out.add(at, v.code(), v.message());
                }
            }
            return null;
        }
    }

    /** Returns null when a value was refused (the violation is recorded), the settings otherwise. */
    private static EntitySettings settings(JsonObjectReader s) {
        ViolationCollector out = s.violations();
        EntitySettings.Builder b = EntitySettings.builder();
        JsonObjectReader calc = s.object("calculation");
        if (calc != null) {
            b.defaultCalculationMode(calc.enumValue("default_mode", CalculationMode.class));
            calc.rejectUnknown();
        }
        b.numberFormats(kindMap(s.object("number_formats"), (r, k) -> {
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
        }));
        b.numberSequenceStarts(kindMap(s.object("number_sequence_starts"), (r, k) -> {
            Integer v = r.integer(k);
            return v == null ? null : v.longValue();
        }));
        JsonObjectReader taxRules = s.object("tax_rules");
        if (taxRules != null) {
            JsonObjectReader eu = taxRules.object("eu");
            if (eu != null) {
                EntitySettings.EuTaxRules rules = EntitySettings.EuTaxRules.DEFAULT;
                Boolean vies = eu.bool("vies_validate_vat");
                Boolean reverse = eu.bool("auto_reverse_charge");
                Boolean export = eu.bool("auto_remove_tax_export");
                Boolean gross = eu.bool("require_gross_prices");
                rules = vies == null ? rules : rules.withViesValidateVat(vies);
                rules = reverse == null ? rules : rules.withAutoReverseCharge(reverse);
                rules = export == null ? rules : rules.withAutoRemoveTaxExport(export);
                rules = gross == null ? rules : rules.withRequireGrossPrices(gross);
                b.euTaxRules(rules);
                eu.rejectUnknown();
            }
            taxRules.rejectUnknown();
        }
        JsonObjectReader clauseNode = s.object("tax_clause_defaults");
        if (clauseNode != null) {
            for (TransactionType t : TransactionType.values()) {
                b.taxClauseDefault(t, clauseNode.string(WireValues.of(t)));
            }
            clauseNode.rejectUnknown();
        }
        b.defaultNotes(kindMap(s.object("default_notes"), JsonObjectReader::string));
        Integer dueDays = s.integer("default_due_days");
        if (dueDays != null) {
            b.defaultDueDays(dueDays);
        }
        b.pdfTemplate(s.string("pdf_template"));
        JsonObjectReader upnNode = s.object("upn_qr");
        if (upnNode != null) {
            b.upnQr(new EntitySettings.UpnQr(or(upnNode.bool("enabled"), false),
                    upnNode.enumValue("display_mode", EntitySettings.UpnDisplayMode.class),
                    upnNode.string("purpose_code")));
            upnNode.rejectUnknown();
        }
        JsonObjectReader fursNode = s.object("furs");
        if (fursNode != null) {
            b.furs(new EntitySettings.Furs(or(fursNode.bool("enabled"), false),
                    fursNode.enumValue("numbering_strategy", EntitySettings.FursNumberingStrategy.class)));
            fursNode.rejectUnknown();
        }
        JsonObjectReader finaNode = s.object("fina");
        if (finaNode != null) {
            b.fina(new EntitySettings.Fina(or(finaNode.bool("enabled"), false),
                    finaNode.enumValue("numbering_sequence", EntitySettings.FinaNumberingSequence.class)));
            finaNode.rejectUnknown();
        }
        b.defaultPaymentTerms(s.string("default_payment_terms"));
        Boolean epc = enabled(s, "epc_qr");
        if (epc != null) {
            b.epcQr(new EntitySettings.EpcQr(epc));
        }
        Boolean hub3 = enabled(s, "hub3");
        if (hub3 != null) {
            b.hub3(new EntitySettings.Hub3(hub3));
        }
        Boolean negative = s.bool("credit_note_negative_values");
        if (negative != null) {
            b.creditNoteNegativeValues(negative);
        }
        Boolean hidePrices = s.bool("delivery_note_hide_prices");
        if (hidePrices != null) {
            b.deliveryNoteHidePrices(hidePrices);
        }
        Boolean eslog = enabled(s, "eslog");
        if (eslog != null) {
            b.eslog(new EntitySettings.Eslog(eslog));
        }
        s.rejectUnknown();
        return build(b::build, out, UnaryOperator.identity());
    }

    /** The {@code enabled} flag of a settings object; null when the object is absent. */
    private static Boolean enabled(JsonObjectReader s, String key) {
        JsonObjectReader node = s.object(key);
        if (node == null) {
            return null;
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
        DocumentJsonWriter.identifiers(g, new DocumentJsonWriter.FieldWriter(g, Set.of()), e.identifiers());
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
