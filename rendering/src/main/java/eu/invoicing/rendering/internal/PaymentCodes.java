package eu.invoicing.rendering.internal;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.Estimate;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.TitleType;
import eu.invoicing.rendering.i18n.Label;
import eu.invoicing.rendering.i18n.Labels;
import eu.invoicing.rendering.i18n.LocaleFormat;
import eu.invoicing.rendering.internal.DocumentView.Field;
import eu.invoicing.rendering.internal.DocumentView.PaymentCode;
import eu.invoicing.rendering.internal.DocumentView.UpnSlip;
import eu.invoicing.rendering.payment.EpcQr;
import eu.invoicing.rendering.payment.Hub3Barcode;
import eu.invoicing.rendering.payment.UpnQr;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chooses and builds the payment code a document shows: UPN QR, then HUB3, then EPC QR, whichever the
 * entity enables first. Only for documents the customer pays (invoices, advance invoices, pro-forma
 * estimates) that are neither void nor paid, with an amount due above zero.
 *
 * <p>Text fields are fitted to the standards: characters outside the code's charset lose their accent
 * or are dropped, and names are cut to the field length; IBAN, reference and amount are never altered.
 */
final class PaymentCodes {
    private static final Pattern REFERENCE = Pattern.compile("(SI|RF)[0-9]{2}.*");
    private static final Pattern NUMBER_REFERENCE = Pattern.compile("[0-9]+(-[0-9]+){0,2}");
    private static final LocaleFormat SLOVENE = LocaleFormat.of("sl-SI");

    private PaymentCodes() {
    }

    /** @return the code, or null when none applies; problems go to {@code violations} when not null */
    static PaymentCode build(Document d, Entity entity, Labels labels, LocaleFormat format, Party issuer,
                             boolean hidePrices, List<Violation> violations) {
        EntitySettings settings = entity.settings();
        boolean anyEnabled = settings.upnQr().enabled() || settings.epcQr().enabled() || settings.hub3().enabled();
        if (!anyEnabled || hidePrices || !payable(d)) {
            return null;
        }
        BigDecimal amount = d.totalDue() != null ? d.totalDue() : d.totalWithTax();
        if (amount == null || amount.signum() <= 0 || d.isVoided() || Boolean.TRUE.equals(d.paidInFull())) {
            return null;
        }
        BankAccount account = entity.defaultBankAccount();
        if (account == null || ViewBuilder.blankToNull(account.iban()) == null) {
            if (violations != null) {
                violations.add(Violation.of("entity.bank_accounts", "required",
                        "a payment code is enabled, so the entity needs a bank account with an IBAN"));
            }
            return null;
        }
        String purpose = purpose(d, labels);
        String caption = labels.get(Label.PAY_SCAN_TO_PAY);
        try {
            if (settings.upnQr().enabled()) {
                UpnQr upn = upn(d, currency(d, entity), settings.upnQr(), issuer, account, amount, purpose);
                UpnSlip slip = settings.upnQr().displayMode() == EntitySettings.UpnDisplayMode.FULL_SLIP ? slip(upn) : null;
                return new PaymentCode(upn.toBarcode(), caption + " \u00b7 UPN QR", slip);
            }
            if (settings.hub3().enabled()) {
                Hub3Barcode hub3 = hub3(d, currency(d, entity), issuer, account, amount, purpose);
                return new PaymentCode(hub3.toBarcode(), caption + " \u00b7 HUB3", null);
            }
            Charset utf8 = StandardCharsets.UTF_8;
            String reference = paymentReference(d);
            EpcQr epc = EpcQr.of(account.bic(), fit(issuer.name(), 70, utf8), account.iban(), currency(d, entity),
                    amount, null, reference != null && reference.startsWith("RF") ? reference : null,
                    reference != null && reference.startsWith("RF") ? null : fit(purpose, 140, utf8), null);
            return new PaymentCode(epc.toBarcode(), caption + " \u00b7 EPC QR", null);
        } catch (ValidationException e) {
            if (violations != null) {
                violations.addAll(e.violations());
            }
            return null;
        }
    }

    private static boolean payable(Document d) {
        return d.type() == DocumentType.INVOICE || d.type() == DocumentType.ADVANCE_INVOICE
                || (d instanceof Estimate && ((Estimate) d).titleType() == TitleType.PROFORMA_INVOICE);
    }

    private static String currency(Document d, Entity entity) {
        return (d.currency() != null ? d.currency() : entity.currency()).code();
    }

    private static UpnQr upn(Document d, String currency, EntitySettings.UpnQr upnSettings, Party issuer, BankAccount account,
                             BigDecimal amount, String purpose) {
        Charset latin2 = UpnQr.CHARSET;
        UpnQr.Builder builder = UpnQr.builder()
                .amount(amount)
                .purposeCode(upnSettings.purposeCode())
                .purpose(fit(purpose, 42, latin2))
                .deadline(d.dateDue())
                .recipientIban(account.iban())
                .recipientReference(paymentReference(d))
                .recipientName(fit(issuer.name(), 33, latin2))
                .recipientStreet(fit(issuer.address(), 33, latin2))
                .recipientCity(fit(ViewBuilder.join(" ", issuer.postCode(), issuer.city()), 33, latin2));
        Party customer = d.customer();
        if (customer != null) {
            builder.payerName(fit(customer.name(), 33, latin2))
                    .payerStreet(fit(customer.address(), 33, latin2))
                    .payerCity(fit(ViewBuilder.join(" ", customer.postCode(), customer.city()), 33, latin2));
        }
        if (!"EUR".equals(currency)) {
            throw ValidationException.of("upn_qr.amount", "unsupported_currency",
                    "UPN QR carries euro only, the document is in " + currency);
        }
        return builder.build();
    }

    private static Hub3Barcode hub3(Document d, String currency, Party issuer, BankAccount account, BigDecimal amount, String purpose) {
        Charset latin2 = Hub3Barcode.CHARSET;
        Party customer = d.customer();
        String reference = d.number() != null && NUMBER_REFERENCE.matcher(d.number()).matches()
                && d.number().length() <= 22 ? d.number() : null;
        return Hub3Barcode.of(currency, amount,
                customer == null ? null : fit(customer.name(), 30, latin2),
                customer == null ? null : fit(customer.address(), 27, latin2),
                customer == null ? null : fit(ViewBuilder.join(" ", customer.postCode(), customer.city()), 27, latin2),
                fit(issuer.name(), 25, latin2), fit(issuer.address(), 25, latin2),
                fit(ViewBuilder.join(" ", issuer.postCode(), issuer.city()), 27, latin2),
                account.iban(), reference == null ? "HR99" : "HR00", reference, "OTHR", fit(purpose, 35, latin2));
    }

    private static UpnSlip slip(UpnQr upn) {
        String amount = "***" + SLOVENE.amount(upn.amount(), CurrencyCode.EUR.currency());
        String payer = ViewBuilder.join(", ", upn.field(6), upn.field(7), upn.field(8));
        String recipient = ViewBuilder.join(", ", upn.field(17), upn.field(18), upn.field(19));
        String iban = ViewBuilder.groupIban(upn.field(15));
        String reference = upn.field(16).substring(0, 4) + " " + upn.field(16).substring(4);
        List<Field> receipt = List.of(
                Field.of("Ime plačnika", payer),
                Field.of("Namen in rok plačila", ViewBuilder.join(", ", upn.field(13), upn.field(14))),
                Field.of("Znesek", "EUR " + amount),
                Field.of("IBAN in referenca prejemnika", iban + "  " + reference),
                Field.of("Ime prejemnika", upn.field(17)));
        List<Field> order = List.of(
                Field.of("Koda namena", upn.field(12)),
                Field.of("Namen plačila", upn.field(13)),
                Field.of("Rok plačila", upn.field(14)),
                new Field("Znesek", "EUR " + amount, true),
                Field.of("IBAN prejemnika", iban),
                Field.of("Referenca prejemnika", reference),
                Field.of("Ime, ulica in kraj prejemnika", recipient),
                Field.of("Ime, ulica in kraj plačnika", payer));
        return new UpnSlip(receipt, order);
    }

    /** The payment reference of a document: its own SI/RF reference, else SI00 + its number. */
    static String paymentReference(Document d) {
        String own = d.reference() == null ? null : d.reference().replace(" ", "").toUpperCase(Locale.ROOT);
        if (own != null && REFERENCE.matcher(own).matches()) {
            return own;
        }
        if (d.number() != null && NUMBER_REFERENCE.matcher(d.number()).matches() && d.number().length() <= 22) {
            return "SI00" + d.number();
        }
        return null;
    }

    private static String purpose(Document d, Labels labels) {
        String title = d instanceof Estimate ? labels.get(Label.TITLE_PROFORMA_INVOICE)
                : labels.get(d.type() == DocumentType.ADVANCE_INVOICE ? Label.TITLE_ADVANCE_INVOICE : Label.TITLE_INVOICE);
        return d.number() == null ? title : title + " " + d.number();
    }

    /**
     * Fits free text into a payment-code field: characters the charset lacks lose their accents or are
     * dropped, runs of white space become one space, and the result is cut to {@code max} characters.
     */
    static String fit(String text, int max, Charset charset) {
        if (text == null) {
            return null;
        }
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                out.append(' ');
            } else if (encoder.canEncode(c)) {
                out.append(c);
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                if (!base.isEmpty() && encoder.canEncode(base.charAt(0)) && !Character.isSurrogate(c)) {
                    out.append(base.charAt(0));
                }
            }
        }
        String collapsed = out.toString().replaceAll(" {2,}", " ").strip();
        if (collapsed.length() > max) {
            collapsed = collapsed.substring(0, max).strip();
        }
        return collapsed.isEmpty() ? null : collapsed;
    }
}
