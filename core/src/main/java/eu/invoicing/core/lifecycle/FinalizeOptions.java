package eu.invoicing.core.lifecycle;

import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FursData;

/**
 * The body of {@code POST /documents/{id}/finalize} (and the numbering inputs of a create that finalizes at
 * once): FURS or FINA premise and device (plus operator and, for FINA, the payment method), and the business
 * unit for formats with {@code {u…}}. Values given here win over those stored on the draft.
 *
 * <p>Immutable and thread-safe.
 *
 * @param furs FURS premise / device / operator, nullable
 * @param fina FINA premise / device / operator / payment method, nullable
 * @param businessUnit the business unit code, nullable
 */
public record FinalizeOptions(FursData furs, FinaData fina, String businessUnit) {
    /** No options. */
    public static final FinalizeOptions NONE = new FinalizeOptions(null, null, null);

    /**
     * @param premise FURS business premise id, not null
     * @param device FURS electronic device id, not null
     * @return options fiscalizing with FURS on the given premise and device
     */
    public static FinalizeOptions furs(String premise, String device) {
        return new FinalizeOptions(new FursData(premise, device, null, null, null, null, null, null, null, null,
                null), null, null);
    }

    /**
     * @param premise FINA {@code OznPosPr}, not null
     * @param device FINA {@code OznNapUr}, not null
     * @param paymentMethod {@code NacinPlac} (G, K, C, T, O) or a payment type (cash, card, …), nullable (cash)
     * @return options fiscalizing with FINA
     */
    public static FinalizeOptions fina(String premise, String device, String paymentMethod) {
        return new FinalizeOptions(null, new FinaData(premise, device, null, null, null, paymentMethod, null, null,
                null, null, null), null);
    }
}
