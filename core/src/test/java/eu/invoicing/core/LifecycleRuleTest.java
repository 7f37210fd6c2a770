package eu.invoicing.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle rules' wire names are a contract: CLI batch output, docs and hosts match on them. */
class LifecycleRuleTest {
    /** Every rule name the lifecycle wrote before the enum existed, exactly as it was written. */
    private static final List<String> WIRE_NAMES_OF_0_0 = List.of("document_in_trash", "update_voided_document",
            "update_fiscalized_document", "finalize_draft_only", "void_kind_not_voidable", "void_draft",
            "void_already_voided", "delete_draft_only", "restore_trash_only", "permanent_delete_trash_only",
            "permanent_delete_final_document", "payment_kind_not_payable", "payment_voided_document",
            "payment_already_deleted", "convert_kind_not_allowed", "target_invoice_not_final", "advance_not_paid",
            "advance_already_applied", "fiscalize_retry_failed_only", "fiscal_data_incomplete",
            "source_document_voided");

    @Test
    void wireName_everyConstant_isUniqueAndSnakeCase() {
        List<String> names = Arrays.stream(LifecycleRule.values()).map(LifecycleRule::wireName).toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z]+(_[a-z]+)*"));
    }

    @Test
    void wireName_everyRuleNameWrittenBefore_isStillWrittenTheSame() {
        assertThat(Arrays.stream(LifecycleRule.values()).map(LifecycleRule::wireName))
                .containsExactlyInAnyOrderElementsOf(WIRE_NAMES_OF_0_0);
    }

    @Test
    void ofWireName_everyConstant_roundTripsAndUnknownIsEmpty() {
        for (LifecycleRule rule : LifecycleRule.values()) {
            assertThat(LifecycleRule.ofWireName(rule.wireName())).contains(rule);
        }
        assertThat(LifecycleRule.ofWireName("DOCUMENT_IN_TRASH")).isEmpty();
        assertThat(LifecycleRule.ofWireName(null)).isEmpty();
    }

    @Test
    void documentStateException_rule_isTheEnumAndTheMessageNamesItsWireName() {
        DocumentStateException e = new DocumentStateException(LifecycleRule.VOID_DRAFT, "cannot void a draft");
        assertThat(e.rule()).isSameAs(LifecycleRule.VOID_DRAFT);
        assertThat(e.getMessage()).isEqualTo("cannot void a draft [void_draft]");
    }
}
