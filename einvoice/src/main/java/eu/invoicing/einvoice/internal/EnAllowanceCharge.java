package eu.invoicing.einvoice.internal;

import java.math.BigDecimal;

/**
 * One EN 16931 allowance or charge: on the document (BG-20 allowance, BG-21 charge) or on a line (BG-27 line
 * allowance, BG-28 line charge). Amounts as they appear in the file. Immutable; nullable unless said otherwise.
 *
 * @param charge true for a charge (ChargeIndicator true), false for an allowance
 * @param amount BT-92 / BT-99 / BT-136 / BT-141, not null
 * @param base BT-93 / BT-100 / BT-137 / BT-142
 * @param percent BT-94 / BT-101 / BT-138 / BT-143
 * @param reasonCode BT-98 / BT-105 / BT-140 / BT-145
 * @param reason BT-97 / BT-104 / BT-139 / BT-144
 * @param category BT-95 / BT-102 (document level only)
 * @param rate BT-96 / BT-103 (document level only; null for O)
 */
public record EnAllowanceCharge(boolean charge, BigDecimal amount, BigDecimal base, BigDecimal percent,
        String reasonCode, String reason, String category, BigDecimal rate) {
}
