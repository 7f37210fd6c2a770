package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.DocumentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed input, duplicate keys and the wording of parse errors: our own, never the parser's. */
class JsonParsingTest {
    private static List<Violation> violations(Runnable read) {
        try {
            read.run();
        } catch (ValidationException e) {
            return e.violations();
        }
        throw new AssertionError("no ValidationException");
    }

    @Test
    void parse_unexpectedCharacter_saysWhereAndWhatInOurOwnWords() {
        List<Violation> v = violations(() -> InvoicingJson.parse("{\n  \"note\": \"a\",\n  \"x\": x\n}"));
        assertThat(v).extracting(Violation::path, Violation::code).containsExactly(tuple("", "malformed_json"));
        assertThat(v.get(0).message()).isEqualTo("malformed JSON at line 3, column 8: unexpected character 'x'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": NaN}", "{\"a\": [1,", "{\"a\": 1} {", "{\"a\" 1}", "{\"a\":\"b\nc\"}",
        "{\"a\": 01}", "{'a':1}", "{\"a\":truex}", "{\"a\": -Infinity}", "[1,]", "{\"a\":1,}", "\"\\u12\"",
        "{\"a\": 1e99999999999}", "{\"a\": \"\\x\"}", "{\"a\":1}}"})
    void parse_malformedInput_messageNamesNoParserInternals(String json) {
        List<Violation> v = violations(() -> InvoicingJson.parse(json));
        assertThat(v).isNotEmpty();
        for (Violation violation : v) {
            assertThat(violation.message()).doesNotContainIgnoringCase("jackson").doesNotContain("Feature")
                    .doesNotContain("REDACTED").doesNotContain("Source").doesNotContain("`").doesNotContain("code ")
                    .doesNotContain("java.").doesNotContain("\n");
        }
    }

    @Test
    void parse_nonNumericNumber_isMalformedNotAFeatureHint() {
        List<Violation> v = violations(() -> InvoicingJson.parse("{\"a\": NaN}"));
        assertThat(v.get(0).message()).isEqualTo("malformed JSON at line 1, column 7: unexpected token 'NaN'");
    }

    @Test
    void parse_truncatedInput_saysUnexpectedEnd() {
        List<Violation> v = violations(() -> InvoicingJson.parse("{\"a\": [1,"));
        assertThat(v.get(0).message()).startsWith("malformed JSON at line 1").endsWith("unexpected end of input");
    }

    @Test
    void parse_trailingContent_isMalformed() {
        List<Violation> v = violations(() -> InvoicingJson.parse("{\"a\": 1} {\"b\": 2}"));
        assertThat(v.get(0).message()).isEqualTo("malformed JSON at line 1, column 10: unexpected content after"
                + " the JSON value");
    }

    @Test
    void parse_longToken_isTruncatedInTheMessage() {
        List<Violation> v = violations(() -> InvoicingJson.parse("{\"a\": " + "y".repeat(5000) + "}"));
        assertThat(v.get(0).message().length()).isLessThan(120);
    }

    @Test
    void readRequest_duplicateKeys_refusedAtEveryPathWithTheKey() {
        String json = "{\"note\":\"a\",\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1,\"price\":2}],\"note\":\"b\"}";
        List<Violation> v = violations(() -> InvoicingJson.readRequest(json, DocumentType.INVOICE));
        assertThat(v).extracting(Violation::path, Violation::code).containsExactly(
                tuple("items[0].price", "duplicate_key"), tuple("note", "duplicate_key"));
        assertThat(v.get(0).message()).contains("\"price\"");
    }

    @Test
    void parse_nestedTooDeep_isAValidationErrorWithOurMessage() {
        String json = "[".repeat(200) + "]".repeat(200);
        List<Violation> v = violations(() -> InvoicingJson.parse(json));
        assertThat(v.get(0).message()).contains("nested deeper than 64 levels");
    }

    @Test
    void parse_numberWithHugeExponent_isAValidationErrorNamingThePath() {
        List<Violation> v = violations(() -> InvoicingJson.parse("{\"items\":[{\"price\":1e99999999999}]}"));
        assertThat(v).extracting(Violation::path, Violation::code).containsExactly(
                tuple("items[0].price", "invalid_number"));
        assertThat(v.get(0).message()).doesNotContain("java.").doesNotContain("Exception");
    }

    @Test
    void readDocument_withoutIdAndWithOtherBadFields_reportsEveryProblem() {
        String json = "{\"currency_code\":\"eur\",\"date\":\"2026-02-30\",\"items\":[{\"name\":5,\"quantity\":1,\"price\":1}],"
                + "\"date_valid_till\":\"2026-01-01\",\"bogus\":1}";
        List<Violation> v = violations(() -> InvoicingJson.readDocument(json));
        assertThat(v).extracting(Violation::path).containsExactlyInAnyOrder("id", "currency_code", "date",
                "items[0].name", "bogus");
    }

    @Test
    void readDocument_badIdPrefix_stillReportsTheOtherFields() {
        String json = "{\"id\":\"xyz_1\",\"total\":\"12\"}";
        List<Violation> v = violations(() -> InvoicingJson.readDocument(json));
        assertThat(v).extracting(Violation::path).containsExactlyInAnyOrder("id", "total");
    }

    @Test
    void readDocument_relationToAMalformedId_isAValidationError() {
        String json = "{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"document_relations\":[{\"relation_type\":\"credit_for\","
                + "\"target_id\":\"nope\",\"target_type\":\"invoice\"},{\"relation_type\":\"credit_for\","
                + "\"target_id\":\"est_6595a27b5d35015c3ef0c3fe\",\"target_type\":\"invoice\"}]}";
        List<Violation> v = violations(() -> InvoicingJson.readDocument(json));
        assertThat(v).extracting(Violation::path).containsExactly("document_relations[0].target_id",
                "document_relations[1].target_id");
    }

    @Test
    void readDocument_paymentWithMalformedDocumentIds_isAValidationErrorAtEachPath() {
        String json = "{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"payments\":[{\"amount\":1.00,"
                + "\"document_id\":\"nope\",\"source_document_id\":\"cre_BAD\"}]}";
        List<Violation> v = violations(() -> InvoicingJson.readDocument(json));
        assertThat(v).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                tuple("payments[0].document_id", "invalid_id"), tuple("payments[0].source_document_id", "invalid_id"));
    }

    @Test
    void writeDocument_typedPaymentAndRelationIds_writeTheSameStringsTheyWereReadFrom() {
        String json = "{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"payments\":[{\"amount\":1.00,"
                + "\"document_id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"source_document_id\":\"cre_6595a27b5d35015c3ef0c3ff\"}],"
                + "\"document_relations\":[{\"relation_type\":\"has_credit\",\"target_id\":\"cre_6595a27b5d35015c3ef0c3ff\","
                + "\"target_type\":\"credit_note\"}]}";
        var d = InvoicingJson.readDocument(json);
        assertThat(d.payments().get(0).documentId().type()).isEqualTo(DocumentType.INVOICE);
        assertThat(d.payments().get(0).sourceDocumentId().type()).isEqualTo(DocumentType.CREDIT_NOTE);
        assertThat(d.documentRelations().get(0).targetId().type()).isEqualTo(DocumentType.CREDIT_NOTE);
        String written = InvoicingJson.writeDocument(d);
        assertThat(written).contains("\"document_id\":\"inv_6595a27b5d35015c3ef0c3fe\"",
                "\"source_document_id\":\"cre_6595a27b5d35015c3ef0c3ff\"", "\"target_id\":\"cre_6595a27b5d35015c3ef0c3ff\"");
        assertThat(InvoicingJson.readDocument(written)).isEqualTo(d);
    }

    @Test
    void readDocument_dateTimeBeyondTheSupportedRange_isAValidationError() {
        String json = "{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"date\":\"+999999999-12-31T23:59:59-18:00\"}";
        List<Violation> v = violations(() -> InvoicingJson.readDocument(json));
        assertThat(v).extracting(Violation::path, Violation::code).containsExactly(tuple("date", "invalid_date"));
    }
}
