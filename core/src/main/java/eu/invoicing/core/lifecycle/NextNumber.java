package eu.invoicing.core.lifecycle;

import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FursData;

/**
 * The answer of {@code GET /documents/next-number}: the number the next finalize would assign, without
 * consuming it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param number the previewed number, not null
 * @param furs FURS premise, device and sequence when a FURS number was asked for, nullable
 * @param fina FINA premise, device and sequence when a FINA number was asked for, nullable
 */
public record NextNumber(String number, FursData furs, FinaData fina) {
}
