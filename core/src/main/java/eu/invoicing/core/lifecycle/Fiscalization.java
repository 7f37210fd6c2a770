package eu.invoicing.core.lifecycle;

import eu.invoicing.core.LifecycleRule;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.RelationType;
import eu.invoicing.core.model.DocumentRelation;
import java.util.List;
import java.util.ArrayList;
import eu.invoicing.core.SpiException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.internal.fiscal.FiscalMessages;
import eu.invoicing.core.internal.fiscal.FursBarcode;
import eu.invoicing.core.internal.fiscal.ProtectedCodes;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.numbering.FiscalSeries;
import eu.invoicing.core.spi.FiscalAuthority;
import eu.invoicing.core.spi.FiscalResponse;
import eu.invoicing.core.spi.FiscalSubmission;
import eu.invoicing.core.version.TimelineEvent;
import eu.invoicing.core.version.TimelineEventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fiscalization of invoices, advance invoices and credit notes (docs/lifecycle.md "Fiscalization"): which
 * series a document is numbered in, the protected code and barcode computed while the number is taken, and
 * the submission (outside the unit of work) whose outcome is recorded as success or failed, with a timeline
 * entry. A document of a fiscal kind finalized while the entity has FURS / FINA enabled but without premise
 * and device is recorded as {@code skipped}.
 *
 * <p>Stateless and thread-safe.
 */
final class Fiscalization {
    /** The end of the timeline note of a confirmed technical cancellation (after the authority's name). */
    static final String CANCELLATION_CONFIRMED = " technical cancellation confirmed";
    private static final Pattern CODE = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SEQUENCE = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern PAYMENT_CODE = Pattern.compile("[GKCTO]");
    /** Prefix of the two ids a fiscal message id is drawn from (never stored). */
    private static final String MESSAGE_ID_PREFIX = "msg_";

    /**
     * The fiscal data a document was issued with, checked complete.
     *
     * @param authority FURS or FINA
     * @param premise business premise
     * @param device electronic device
     * @param perDevice FURS strategy B / FINA sequence N
     * @param sequence the fiscal sequence number, ≥ 1
     * @param issuedAt the issue time of the protected code
     * @param code the ZOI / ZKI
     * @param status pending, failed or success
     */
    record Issued(FiscalAuthority authority, String premise, String device, boolean perDevice, long sequence,
            Instant issuedAt, String code, FiscalStatus status) {
    }

    private Fiscalization() {
    }

    /** The fiscal series of a document being finalized, or null for a regular number. */
    static FiscalSeries seriesFor(Scope s, Document draft, FinalizeOptions options) {
        if (!draft.type().isFiscal()) {
            return null;
        }
        EntitySettings settings = s.entity.settings();
        FursData furs = options.furs() != null ? options.furs() : draft.furs();
        if (settings.furs().enabled() && furs != null && furs.businessPremiseName() != null) {
            return new FiscalSeries(FiscalAuthority.FURS, furs.businessPremiseName(), furs.electronicDeviceName(),
                    settings.furs().numberingStrategy() == EntitySettings.FursNumberingStrategy.B);
        }
        FinaData fina = options.fina() != null ? options.fina() : draft.fina();
        if (settings.fina().enabled() && fina != null && fina.businessPremiseName() != null) {
            return new FiscalSeries(FiscalAuthority.FINA, fina.businessPremiseName(), fina.electronicDeviceName(),
                    settings.fina().numberingSequence() == EntitySettings.FinaNumberingSequence.N);
        }
        return null;
    }

    /**
     * Stamps fiscal data on a numbered document: protected code, barcode, status pending (or skipped). The
     * library owns the fiscal data of a final document: whatever a draft claimed beyond the inputs (premise,
     * device, operator, payment method) is replaced, so a document is never final with a code it was not
     * issued.
     */
    static void stamp(Scope s, Document.Builder b, FiscalSeries series, long sequence, FinalizeOptions options,
            Instant issuedAt) {
        EntitySettings settings = s.entity.settings();
        if (series == null) {
            b.furs(inputOnly(b.furs())).fina(inputOnly(b.fina()));
            if (b.type().isFiscal() && settings.furs().enabled()) {
                b.furs(new FursData(null, null, settings.furs().numberingStrategy().name(), null, null, null, null,
                        null, null, FiscalStatus.SKIPPED, null));
            } else if (b.type().isFiscal() && settings.fina().enabled()) {
                b.fina(new FinaData(null, null, settings.fina().numberingSequence().name(), null, null, null, null,
                        null, null, FiscalStatus.SKIPPED, null));
            }
            return;
        }
        // The amount is read from the builder: the document is built once, after the stamp, not also for it.
        BigDecimal amount = FiscalMessages.amount(b.currency(), b.totalWithTax());
        if (series.authority() == FiscalAuthority.FURS) {
            String taxNumber = digits(s.entity.taxNumber(), 8, "FURS");
            LocalDateTime local = LocalDateTime.ofInstant(issuedAt, ProtectedCodes.LJUBLJANA);
            String input = ProtectedCodes.zoiInput(taxNumber, local, Long.toString(sequence), series.premise(),
                    series.device(), amount);
            String zoi = sign(s, FiscalAuthority.FURS, ProtectedCodes.FURS_ALGORITHM, input);
            FursData given = options.furs() != null ? options.furs() : b.furs();
            b.furs(new FursData(series.premise(), series.device(), series.structureCode(), Long.toString(sequence),
                    given == null ? null : given.operatorTaxNumber(), issuedAt, zoi, null,
                    FursBarcode.of(zoi, taxNumber, local), FiscalStatus.PENDING, null));
            b.fina(inputOnly(b.fina()));
        } else {
            String oib = digits(s.entity.taxNumber(), 11, "FINA");
            LocalDateTime local = LocalDateTime.ofInstant(issuedAt, ProtectedCodes.ZAGREB);
            String input = ProtectedCodes.zkiInput(oib, local, Long.toString(sequence), series.premise(),
                    series.device(), amount);
            String zki = sign(s, FiscalAuthority.FINA, ProtectedCodes.FINA_ALGORITHM, input);
            FinaData given = options.fina() != null ? options.fina() : b.fina();
            b.fina(new FinaData(series.premise(), series.device(), series.structureCode(), Long.toString(sequence),
                    given == null ? null : given.operatorOib(), paymentMethod(given == null ? null
                    : given.paymentMethod()), issuedAt, zki, null, FiscalStatus.PENDING, null));
            b.furs(inputOnly(b.furs()));
        }
    }

    private static FursData inputOnly(FursData f) {
        if (f == null || f.businessPremiseName() == null && f.electronicDeviceName() == null
                && f.operatorTaxNumber() == null) {
            return null;
        }
        return new FursData(f.businessPremiseName(), f.electronicDeviceName(), null, null, f.operatorTaxNumber(),
                null, null, null, null, null, null);
    }

    private static FinaData inputOnly(FinaData f) {
        if (f == null || f.businessPremiseName() == null && f.electronicDeviceName() == null
                && f.operatorOib() == null && f.paymentMethod() == null) {
            return null;
        }
        return new FinaData(f.businessPremiseName(), f.electronicDeviceName(), null, null, f.operatorOib(),
                f.paymentMethod(), null, null, null, null, null);
    }

    /**
     * Sends a pending or failed document and records the outcome in a unit of work of its own; returns the
     * stored document. When that recording fails the document keeps its state (pending, or failed for a
     * retry), which {@code retryFiscalization} completes: the gateway answers a code it has already confirmed
     * with the same unique id, so nothing is registered twice.
     */
    static Document submit(Scope s, Document d, boolean subsequent) {
        Issued issued = issued(d);
        FiscalSubmission submission = submission(s, d, issued, subsequent, false);
        FiscalResponse answer = call(s, submission, false);
        boolean success = answer.success() && answer.uniqueInvoiceId() != null && !answer.uniqueInvoiceId().isBlank();
        String error = success ? null : answer.success() ? "the gateway confirmed without a unique invoice id"
                : answer.error();
        String what = issued.authority() + (success ? " success, unique id " + answer.uniqueInvoiceId()
                : " failed: " + error);
        try {
            return s.write("recording fiscalization", () -> {
                Document current = s.load(d.id());
                Issued now = issuedOrNull(current);
                if (now == null || !now.code().equals(issued.code()) || now.status() == FiscalStatus.SUCCESS) {
                    // Recorded meanwhile by a concurrent retry (a confirmation is final), or no longer this code.
                    return current;
                }
                Document.Builder b = current.toBuilder();
                FiscalStatus status = success ? FiscalStatus.SUCCESS : FiscalStatus.FAILED;
                String uniqueId = success ? answer.uniqueInvoiceId() : null;
                if (issued.authority() == FiscalAuthority.FURS) {
                    FursData f = current.furs();
                    b.furs(new FursData(f.businessPremiseName(), f.electronicDeviceName(), f.numberingStrategy(),
                            f.sequenceNumber(), f.operatorTaxNumber(), f.issuedAt(), f.zoi(), uniqueId, f.barcode(),
                            status, error));
                } else {
                    FinaData f = current.fina();
                    b.fina(new FinaData(f.businessPremiseName(), f.electronicDeviceName(), f.numberingSequence(),
                            f.sequenceNumber(), f.operatorOib(), f.paymentMethod(), f.issuedAt(), f.zki(), uniqueId,
                            status, error));
                }
                Document updated = b.updatedAt(s.now()).build();
                s.save(updated);
                s.event(updated, TimelineEventType.FISCALIZED, what);
                return updated;
            });
        } catch (SpiException e) {
            throw new SpiException("document " + d.id() + " is final as " + d.number() + " with fiscal status "
                    + wire(issued.status()) + ": the submission ended with " + what + ", but storing that outcome "
                    + "failed (" + e.getMessage() + "); retryFiscalization completes it without registering it twice",
                    e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Asks for a technical cancellation of a voided fiscalized document and notes the outcome in its timeline.
     * When the note cannot be stored the document stays voided without a confirmed cancellation, which
     * {@code retryFiscalization} sends again (idempotent at the gateway).
     */
    static void cancel(Scope s, Document voided) {
        Issued issued = issued(voided);
        FiscalSubmission submission = submission(s, voided, issued, false, true);
        FiscalResponse answer = call(s, submission, true);
        String note = issued.authority() + (answer.success() ? CANCELLATION_CONFIRMED
                : " technical cancellation failed: " + answer.error());
        try {
            s.write("recording cancellation", () -> {
                s.event(voided, TimelineEventType.FISCALIZED, note);
                return null;
            });
        } catch (SpiException e) {
            throw new SpiException("document " + voided.id() + " is voided: " + note + ", but storing that "
                    + "failed (" + e.getMessage() + "); retryFiscalization sends the cancellation again",
                    e.getCause() == null ? e : e.getCause());
        }
    }

    /** Whether the timeline of a voided document records a confirmed technical cancellation. */
    static boolean cancellationConfirmed(Scope s, Document d) {
        for (TimelineEvent e : s.core.store.events(s.entityId(), d.id())) {
            if (e.type() == TimelineEventType.FISCALIZED && e.note() != null
                    && e.note().endsWith(CANCELLATION_CONFIRMED)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the document has a failed submission that may be retried. */
    static boolean failed(Document d) {
        return d.furs() != null && d.furs().status() == FiscalStatus.FAILED
                || d.fina() != null && d.fina().status() == FiscalStatus.FAILED;
    }

    /** Whether the document waits for its first submission, or for its outcome to be stored. */
    static boolean pending(Document d) {
        return d.furs() != null && d.furs().status() == FiscalStatus.PENDING
                || d.fina() != null && d.fina().status() == FiscalStatus.PENDING;
    }

    /**
     * The issued fiscal data of a document that claims a fiscalization (a protected code, or a pending /
     * failed / confirmed status), checked to be complete enough to send.
     *
     * @throws eu.invoicing.core.DocumentStateException ({@code fiscal_data_incomplete}) naming what is missing
     */
    static Issued issued(Document d) {
        FursData f = d.furs();
        if (f != null && (f.zoi() != null || claims(f.status()))) {
            String missing = f.zoi() == null || !CODE.matcher(f.zoi()).matches() ? "furs.zoi"
                    : f.businessPremiseName() == null ? "furs.business_premise_name"
                    : f.electronicDeviceName() == null ? "furs.electronic_device_name"
                    : !"B".equals(f.numberingStrategy()) && !"C".equals(f.numberingStrategy())
                            ? "furs.numbering_strategy"
                    : sequence(f.sequenceNumber()) < 0 ? "furs.sequence_number"
                    : f.issuedAt() == null ? "furs.issued_at"
                    : !claims(f.status()) ? "furs.status" : null;
            if (missing != null) {
                throw incomplete(d, missing);
            }
            return new Issued(FiscalAuthority.FURS, f.businessPremiseName(), f.electronicDeviceName(),
                    "B".equals(f.numberingStrategy()), sequence(f.sequenceNumber()), f.issuedAt(), f.zoi(),
                    f.status());
        }
        FinaData n = d.fina();
        if (n != null && (n.zki() != null || claims(n.status()))) {
            String missing = n.zki() == null || !CODE.matcher(n.zki()).matches() ? "fina.zki"
                    : n.businessPremiseName() == null ? "fina.business_premise_name"
                    : n.electronicDeviceName() == null ? "fina.electronic_device_name"
                    : !"P".equals(n.numberingSequence()) && !"N".equals(n.numberingSequence())
                            ? "fina.numbering_sequence"
                    : sequence(n.sequenceNumber()) < 0 ? "fina.sequence_number"
                    : n.issuedAt() == null ? "fina.issued_at"
                    : n.paymentMethod() == null || !PAYMENT_CODE.matcher(n.paymentMethod()).matches()
                            ? "fina.payment_method"
                    : !claims(n.status()) ? "fina.status" : null;
            if (missing != null) {
                throw incomplete(d, missing);
            }
            return new Issued(FiscalAuthority.FINA, n.businessPremiseName(), n.electronicDeviceName(),
                    "N".equals(n.numberingSequence()), sequence(n.sequenceNumber()), n.issuedAt(), n.zki(),
                    n.status());
        }
        throw incomplete(d, "furs / fina");
    }

    private static Issued issuedOrNull(Document d) {
        try {
            return issued(d);
        } catch (eu.invoicing.core.DocumentStateException e) {
            return null;
        }
    }

    private static boolean claims(FiscalStatus status) {
        return status == FiscalStatus.PENDING || status == FiscalStatus.FAILED || status == FiscalStatus.SUCCESS;
    }

    /** @return the sequence number, or −1 when it is not 1–18 digits without a leading zero */
    private static long sequence(String text) {
        return text != null && SEQUENCE.matcher(text).matches() ? Long.parseLong(text) : -1;
    }

    private static eu.invoicing.core.DocumentStateException incomplete(Document d, String field) {
        return Rules.refuse(LifecycleRule.FISCAL_DATA_INCOMPLETE,
                "document " + d.id() + " claims a fiscalization but its "
                + "stored fiscal data is incomplete or malformed (" + field + "); it cannot be sent");
    }

    /** The FURS data of the fiscalized invoices a credit note credits (its {@code credit_for} relations). */
    private static List<FursData> creditedInvoices(Scope s, Document d) {
        List<FursData> referenced = new ArrayList<>();
        for (DocumentRelation r : d.documentRelations()) {
            if (r.relationType() != RelationType.CREDIT_FOR) {
                continue;
            }
            s.core.store.find(s.entityId(), r.targetId()).map(Document::furs)
                    .filter(f -> f.zoi() != null && f.issuedAt() != null && f.businessPremiseName() != null
                            && f.electronicDeviceName() != null && sequence(f.sequenceNumber()) > 0)
                    .ifPresent(referenced::add);
        }
        return referenced;
    }

    private static FiscalSubmission submission(Scope s, Document d, Issued i, boolean subsequent,
            boolean cancellation) {
        if (i.authority() == FiscalAuthority.FURS) {
            FursData f = d.furs();
            String taxNumber = digits(s.entity.taxNumber(), 8, "FURS");
            LocalDateTime local = LocalDateTime.ofInstant(i.issuedAt(), ProtectedCodes.LJUBLJANA);
            FiscalSeries series = new FiscalSeries(FiscalAuthority.FURS, i.premise(), i.device(), i.perDevice());
            Map<String, Object> payload = FiscalMessages.furs(d, taxNumber, local, series, i.sequence(), i.code(),
                    subsequent, f.operatorTaxNumber(), creditedInvoices(s, d));
            return new FiscalSubmission(FiscalAuthority.FURS, s.entityId(), d.id(), messageId(s, d, i),
                    i.code(), subsequent, cancellation, payload);
        }
        FinaData f = d.fina();
        String oib = digits(s.entity.taxNumber(), 11, "FINA");
        LocalDateTime local = LocalDateTime.ofInstant(i.issuedAt(), ProtectedCodes.ZAGREB);
        FiscalSeries series = new FiscalSeries(FiscalAuthority.FINA, i.premise(), i.device(), i.perDevice());
        Map<String, Object> payload = FiscalMessages.fina(d, oib, s.entity.isTaxSubject(), local, series,
                i.sequence(), i.code(), subsequent, f.paymentMethod(), f.operatorOib());
        return new FiscalSubmission(FiscalAuthority.FINA, s.entityId(), d.id(), messageId(s, d, i),
                i.code(), subsequent, cancellation, payload);
    }

    /**
     * A new message id (FURS {@code MessageID}, FINA {@code IdPoruke}: a UUID) drawn from the injected
     * {@link eu.invoicing.core.spi.IdGenerator}, so that a deterministic generator gives reproducible messages:
     * 32 of the 48 hex digits of two {@code msg_} ids, with the version 4 and IETF variant bits set (122 bits
     * from the generator, as many as a random UUID has).
     */
    private static String messageId(Scope s, Document d, Issued i) {
        String hex;
        try {
            hex = s.core.ids.newId(MESSAGE_ID_PREFIX).substring(MESSAGE_ID_PREFIX.length())
                    + s.core.ids.newId(MESSAGE_ID_PREFIX).substring(MESSAGE_ID_PREFIX.length());
        } catch (SpiException e) {
            // Finalize or void is already stored; only this message was not sent.
            throw new SpiException("document " + d.id() + " is stored with fiscal status " + wire(i.status())
                    + ", but no message id could be drawn for the " + i.authority() + " message ("
                    + e.getMessage() + "); nothing was sent, retryFiscalization sends it",
                    e.getCause() == null ? e : e.getCause());
        }
        char variant = "89ab".charAt(Character.digit(hex.charAt(16), 16) & 3);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-" + variant
                + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }

    private static FiscalResponse call(Scope s, FiscalSubmission submission, boolean cancel) {
        try {
            FiscalResponse r = cancel ? s.core.fiscal.cancel(submission) : s.core.fiscal.submit(submission);
            return r == null ? FiscalResponse.failure("the gateway returned no answer") : r;
        } catch (RuntimeException e) {
            return FiscalResponse.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String sign(Scope s, FiscalAuthority authority, String algorithm, String input) {
        byte[] signature = s.read("signing the protected code",
                () -> s.core.fiscal.sign(authority, s.entityId(), algorithm, ProtectedCodes.bytes(input)));
        return ProtectedCodes.fromSignature(signature);
    }

    private static String digits(String taxNumber, int length, String authority) {
        String d = taxNumber == null ? "" : taxNumber.replaceAll("\\D", "");
        if (d.length() != length) {
            throw ValidationException.of("entity.tax_number", "invalid_format", authority + " needs the issuer's "
                    + length + "-digit tax number, was " + (taxNumber == null ? "null" : '"' + taxNumber + '"'));
        }
        return d;
    }

    /**
     * Refuses, before anything is written, a FINA payment type that {@link #paymentMethod} cannot map.
     *
     * @param given the request's fina object, nullable
     * @throws eu.invoicing.core.ValidationException for an unknown {@code fina.payment_type}
     */
    static void checkPaymentMethod(FinaData given) {
        if (given != null && given.paymentMethod() != null) {
            paymentMethod(given.paymentMethod());
        }
    }

    /** Maps a payment type (cash, card, …) or a NacinPlac code to the FINA code; cash when absent. */
    static String paymentMethod(String given) {
        if (given == null) {
            return "G";
        }
        return switch (given.toLowerCase(Locale.ROOT)) {
            case "g", "cash" -> "G";
            case "k", "card" -> "K";
            case "c", "check", "cheque" -> "C";
            case "t", "bank_transfer" -> "T";
            case "o", "other" -> "O";
            default -> throw eu.invoicing.core.ValidationException.of("fina.payment_type", "invalid_value",
                    "must be one of cash, card, check, bank_transfer, other (or G, K, C, T, O), was "
                    + eu.invoicing.core.Violation.quote(given));
        };
    }

    private static String wire(FiscalStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
