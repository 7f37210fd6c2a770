package eu.invoicing.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The field catalogue names every field of {@link Document}, and nothing else. */
class DocumentFieldCatalogueTest {
    /** The wire name of a Java field of Document: snake case; the draft flag is {@code is_draft} on the wire. */
    private static String wireNameOf(String javaName) {
        if (javaName.equals("draft")) {
            return "is_draft";
        }
        return javaName.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** The value groups Document holds: their components are Document's fields. */
    private static final Set<Class<?>> GROUPS = Set.of(Totals.class, Conversion.class, Stamps.class,
            FiscalRecord.class, PaymentSummary.class, Relations.class, DocumentReferences.class, TradeDetails.class,
            AllowancesCharges.class);

    /** The kinds that hold fields of their own, with the record that holds them. */
    private static final java.util.Map<Class<?>, DocumentType> KIND_HOLDERS = java.util.Map.of(
            EstimateDetails.class, DocumentType.ESTIMATE, DeliveryNoteDetails.class, DocumentType.DELIVERY_NOTE);

    /** The instance fields of Document and of each of its kinds (a kind's fields live on the kind). */
    private static List<Field> instanceFields() {
        List<Field> fields = new ArrayList<>();
        List<Class<?>> classes = new ArrayList<>(List.of(Document.class));
        classes.addAll(Arrays.asList(Document.class.getPermittedSubclasses()));
        for (Class<?> c : classes) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static boolean isGroup(Class<?> type) {
        return GROUPS.contains(type) || KIND_HOLDERS.containsKey(type);
    }

    private static Set<String> documentFieldWireNames() {
        Set<String> names = new TreeSet<>();
        for (Field f : instanceFields()) {
            if (isGroup(f.getType())) {
                for (var c : f.getType().getRecordComponents()) {
                    names.add(wireNameOf(c.getName()));
                }
            } else {
                names.add(wireNameOf(f.getName()));
            }
        }
        return names;
    }

    private static Set<String> catalogueWireNames() {
        return Arrays.stream(DocumentField.values()).map(DocumentField::wireName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> names(List<DocumentField> fields) {
        return fields.stream().map(DocumentField::wireName).toList();
    }

    @Test
    void catalogue_everyDocumentField_isListed() {
        Set<String> missing = documentFieldWireNames();
        missing.removeAll(catalogueWireNames());
        assertThat(missing).as("fields of Document missing from DocumentField").isEmpty();
    }

    @Test
    void catalogue_everyConstant_isAFieldOfDocument() {
        Set<String> extra = catalogueWireNames();
        extra.removeAll(documentFieldWireNames());
        assertThat(extra).as("DocumentField constants that are no field of Document").isEmpty();
        assertThat(DocumentField.values()).hasSize(catalogueWireNames().size());
    }

    @Test
    void catalogue_eachFieldsGetter_readsThatField() throws ReflectiveOperationException {
        for (Field f : instanceFields()) {
            DocumentType kind = f.getDeclaringClass() == Document.class ? DocumentType.ESTIMATE
                    : KIND_HOLDERS.get(f.getType());
            Document d = Document.builder(kind).note("n").footer("f").dateValidTill(LocalDate.of(2026, 1, 31))
                    .titleType(TitleType.PROFORMA_INVOICE).hidePrices(true).build();
            f.setAccessible(true);
            if (isGroup(f.getType())) {
                for (var rc : f.getType().getRecordComponents()) {
                    DocumentField c = DocumentField.ofWireName(wireNameOf(rc.getName()));
                    assertThat(c).as(rc.getName()).isNotNull();
                    assertThat(c.get(d)).as(c.wireName()).isEqualTo(rc.getAccessor().invoke(f.get(d)));
                }
                continue;
            }
            DocumentField c = DocumentField.ofWireName(wireNameOf(f.getName()));
            assertThat(c).as(f.getName()).isNotNull();
            // The currency is held as the parsed CurrencyCode; the catalogue reads its wire value, the code.
            Object held = f.get(d) instanceof CurrencyCode currency ? currency.code() : f.get(d);
            assertThat(c.get(d)).as(c.wireName()).isEqualTo(held);
            Object v = c.get(d);
            if (v != null) {
                assertThat(c.valueType()).as(c.wireName()).isAssignableFrom(v.getClass());
            }
        }
    }

    @Test
    void carriers_fieldsHeldByAKind_areCarriedByThatKindOnly() {
        for (var holder : KIND_HOLDERS.entrySet()) {
            for (var rc : holder.getKey().getRecordComponents()) {
                DocumentField c = DocumentField.ofWireName(wireNameOf(rc.getName()));
                assertThat(c).as(rc.getName()).isNotNull();
                assertThat(c.carriers()).as(c.wireName()).containsExactly(holder.getValue());
            }
        }
        for (DocumentField f : DocumentField.values()) {
            if (f.carriers().size() == 1) {
                DocumentType kind = f.carriers().iterator().next();
                Class<?> holder = KIND_HOLDERS.entrySet().stream().filter(e -> e.getValue() == kind)
                        .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
                assertThat(Arrays.stream(holder.getRecordComponents()).map(rc -> wireNameOf(rc.getName())))
                        .as("a field of one kind is held by that kind").contains(f.wireName());
            }
        }
    }

    @Test
    void compared_isWhatChangedFieldsReported_inWireOrder() {
        assertThat(names(DocumentField.compared())).containsExactly("number", "is_draft", "date", "date_due",
                "date_service", "date_service_to", "date_valid_till", "title_type", "hide_prices", "issuer",
                "customer_id", "customer", "items", "note", "payment_terms", "tax_clause", "footer", "signature",
                "reference", "buyer_reference", "order_reference", "sales_order_reference", "contract_reference",
                "project_reference", "despatch_advice_reference", "receiving_advice_reference",
                "accounting_reference", "invoice_period", "delivery", "payee", "tax_representative", "payment_means",
                "preceding_invoices", "notes", "currency_code", "calculation_mode", "creation_source", "exchange_rate",
                "transaction_type", "total", "total_with_tax", "total_discount", "allowances", "charges",
                "total_allowances", "total_charges", "taxes", "total_converted",
                "total_with_tax_converted", "rounding_correction", "total_paid", "total_due", "paid_in_full",
                "payments", "document_relations", "metadata", "shareable_id", "voided_at", "deleted_at", "furs",
                "fina", "vies");
    }

    @Test
    void patchable_isWhatAnUpdateMayChange_inWireOrder() {
        assertThat(names(DocumentField.patchable())).containsExactly("date", "date_due", "date_service",
                "date_service_to", "date_valid_till", "title_type", "hide_prices", "issuer", "customer_id",
                "customer", "items", "note", "payment_terms", "tax_clause", "footer", "signature", "reference",
                "buyer_reference", "order_reference", "sales_order_reference", "contract_reference",
                "project_reference", "despatch_advice_reference", "receiving_advice_reference",
                "accounting_reference", "invoice_period", "delivery", "payee", "tax_representative", "payment_means",
                "preceding_invoices", "notes", "currency_code", "calculation_mode", "exchange_rate", "allowances", "charges", "metadata");
    }

    @Test
    void serverOwnedNames_areTheFieldsARequestMayNotCarry() {
        assertThat(DocumentField.serverOwnedNames()).containsExactlyInAnyOrder("id", "entity_id",
                "document_relations", "shareable_id", "voided_at", "void_reason", "has_original_document",
                "deleted_at", "created_at", "updated_at", "vies");
    }

    @Test
    void carriers_kindSpecificFields_nameTheirKind() {
        List<String> kindSpecific = new ArrayList<>();
        for (DocumentField f : DocumentField.values()) {
            if (!f.carriers().equals(EnumSet.allOf(DocumentType.class))) {
                kindSpecific.add(f.wireName() + "=" + f.carriers());
            }
        }
        assertThat(kindSpecific).containsExactly("date_valid_till=[ESTIMATE]", "title_type=[ESTIMATE]",
                "hide_prices=[DELIVERY_NOTE]");
        Document invoice = Document.builder(DocumentType.INVOICE).dateValidTill(LocalDate.of(2026, 1, 1)).build();
        assertThat(DocumentField.DATE_VALID_TILL.get(invoice)).isNull();
    }

    @Test
    void set_patchableField_setsItOnTheBuilder() {
        Document.Builder b = Document.builder(DocumentType.INVOICE);
        DocumentField.NOTE.set(b, "hello");
        DocumentField.ITEMS.set(b, null);
        DocumentField.METADATA.set(b, null);
        Document d = b.build();
        assertThat(d.note()).isEqualTo("hello");
        assertThat(d.items()).isEmpty();
        assertThat(d.metadata()).isEmpty();
    }

    @Test
    void set_valueOfAnotherType_isRefusedNamingTheField() {
        Document.Builder b = Document.builder(DocumentType.INVOICE);
        assertThatThrownBy(() -> DocumentField.DATE.set(b, "2026-01-01")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("date");
    }

    @Test
    void set_serverSetField_isANotUpdatableValidationError() {
        Document.Builder b = Document.builder(DocumentType.INVOICE);
        assertThat(DocumentField.TOTAL.isPatchable()).isFalse();
        assertThatThrownBy(() -> DocumentField.TOTAL.set(b, BigDecimal.ONE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.path() + ":" + v.code()).containsExactly("total:not_updatable"));
    }

    @Test
    void ofWireName_unknownName_isNull() {
        assertThat(DocumentField.ofWireName("nope")).isNull();
        assertThat(DocumentField.ofWireName(null)).isNull();
        assertThat(DocumentField.ofWireName("total_due")).isEqualTo(DocumentField.TOTAL_DUE);
    }
}
