package eu.invoicing.core.lifecycle;

import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.RelationType;
import eu.invoicing.core.model.DocumentRelation;
import java.util.List;
import java.util.ArrayList;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.fiscal.FiscalMessages;
import eu.invoicing.core.fiscal.FursBarcode;
import eu.invoicing.core.fiscal.ProtectedCodes;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.numbering.FiscalSeries;
import eu.invoicing.core.spi.FiscalAuthority;
import eu.invoicing.core.spi.FiscalResponse;
import eu.invoicing.core.spi.FiscalSubmission;
import eu.invoicing.core.version.TimelineEventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Fiscalization of invoices, advance invoices and credit notes (spec/lifecycle.md "Fiscalization"): which
 * series a document is numbered in, the protected code and barcode computed while the number is taken, and
 * the submission (outside the unit of work) whose outcome is recorded as success or failed, with a timeline
 * entry. A document of a fiscal kind finalized while the entity has FURS / FINA enabled but without premise
 * and device is recorded as {@code skipped}.
 *
 * <p>Stateless and thread-safe.
 */
final class Fiscalization {
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

    /** Stamps fiscal data on a numbered document: protected code, barcode, status pending (or skipped). */
    static void stamp(Scope s, Document.Builder b, FiscalSeries series, long sequence, FinalizeOptions options,
            Instant issuedAt) {
        EntitySettings settings = s.entity.settings();
        if (series == null) {
            if (b.type().isFiscal() && settings.furs().enabled()) {
                b.furs(new FursData(null, null, settings.furs().numberingStrategy().name(), null, null, null, null,
                        null, null, FiscalStatus.SKIPPED, null));
            } else if (b.type().isFiscal() && settings.fina().enabled()) {
                b.fina(new FinaData(null, null, settings.fina().numberingSequence().name(), null, null, null, null,
                        null, null, FiscalStatus.SKIPPED, null));
            }
            return;
        }
        Document numbered = b.build();
        BigDecimal amount = FiscalMessages.amount(numbered);
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
        }
    }

    /** Sends a pending or failed document and records the outcome; returns the stored document. */
    static Document submit(Scope s, Document d, boolean subsequent) {
        FiscalSubmission submission = submission(s, d, subsequent, false);
        FiscalResponse response = call(s, submission, false);
        return s.write("recording fiscalization", () -> {
            Document current = s.load(d.id());
            Document.Builder b = current.toBuilder();
            FiscalStatus status = response.success() ? FiscalStatus.SUCCESS : FiscalStatus.FAILED;
            if (submission.authority() == FiscalAuthority.FURS) {
                FursData f = current.furs();
                b.furs(new FursData(f.businessPremiseName(), f.electronicDeviceName(), f.numberingStrategy(),
                        f.sequenceNumber(), f.operatorTaxNumber(), f.issuedAt(), f.zoi(), response.uniqueInvoiceId(),
                        f.barcode(), status, response.error()));
            } else {
                FinaData f = current.fina();
                b.fina(new FinaData(f.businessPremiseName(), f.electronicDeviceName(), f.numberingSequence(),
                        f.sequenceNumber(), f.operatorOib(), f.paymentMethod(), f.issuedAt(), f.zki(),
                        response.uniqueInvoiceId(), status, response.error()));
            }
            Document updated = b.updatedAt(s.now()).build();
            s.save(updated);
            s.event(updated, TimelineEventType.FISCALIZED, authority(submission) + (response.success()
                    ? " success, unique id " + response.uniqueInvoiceId() : " failed: " + response.error()));
            return updated;
        });
    }

    /** Asks for a technical cancellation of a voided fiscalized document and notes the outcome. */
    static void cancel(Scope s, Document voided) {
        FiscalSubmission submission = submission(s, voided, false, true);
        FiscalResponse response = call(s, submission, true);
        s.write("recording cancellation", () -> {
            s.event(voided, TimelineEventType.FISCALIZED, authority(submission) + " technical cancellation "
                    + (response.success() ? "confirmed" : "failed: " + response.error()));
            return null;
        });
    }

    /** Whether the document has a failed submission that may be retried. */
    static boolean failed(Document d) {
        return d.furs() != null && d.furs().status() == FiscalStatus.FAILED
                || d.fina() != null && d.fina().status() == FiscalStatus.FAILED;
    }

    /** Whether the document waits for its first submission. */
    static boolean pending(Document d) {
        return d.furs() != null && d.furs().status() == FiscalStatus.PENDING
                || d.fina() != null && d.fina().status() == FiscalStatus.PENDING;
    }

    /** The FURS data of the fiscalized invoices a credit note credits (its {@code credit_for} relations). */
    private static List<FursData> creditedInvoices(Scope s, Document d) {
        List<FursData> referenced = new ArrayList<>();
        for (DocumentRelation r : d.documentRelations()) {
            if (r.relationType() != RelationType.CREDIT_FOR) {
                continue;
            }
            s.core.store.find(s.entityId(), DocumentId.parse(r.targetId())).map(Document::furs)
                    .filter(f -> f.zoi() != null).ifPresent(referenced::add);
        }
        return referenced;
    }

    private static FiscalSubmission submission(Scope s, Document d, boolean subsequent, boolean cancellation) {
        if (d.furs() != null && d.furs().zoi() != null) {
            FursData f = d.furs();
            String taxNumber = digits(s.entity.taxNumber(), 8, "FURS");
            LocalDateTime local = LocalDateTime.ofInstant(f.issuedAt(), ProtectedCodes.LJUBLJANA);
            FiscalSeries series = new FiscalSeries(FiscalAuthority.FURS, f.businessPremiseName(),
                    f.electronicDeviceName(), "B".equals(f.numberingStrategy()));
            Map<String, Object> payload = FiscalMessages.furs(d, taxNumber, local, series,
                    Long.parseLong(f.sequenceNumber()), f.zoi(), subsequent, f.operatorTaxNumber(),
                    creditedInvoices(s, d));
            return new FiscalSubmission(FiscalAuthority.FURS, s.entityId(), d.id().value(),
                    UUID.randomUUID().toString(), f.zoi(), subsequent, cancellation, payload);
        }
        FinaData f = d.fina();
        String oib = digits(s.entity.taxNumber(), 11, "FINA");
        LocalDateTime local = LocalDateTime.ofInstant(f.issuedAt(), ProtectedCodes.ZAGREB);
        FiscalSeries series = new FiscalSeries(FiscalAuthority.FINA, f.businessPremiseName(),
                f.electronicDeviceName(), "N".equals(f.numberingSequence()));
        Map<String, Object> payload = FiscalMessages.fina(d, oib, s.entity.isTaxSubject(), local, series,
                Long.parseLong(f.sequenceNumber()), f.zki(), subsequent, f.paymentMethod(), f.operatorOib());
        return new FiscalSubmission(FiscalAuthority.FINA, s.entityId(), d.id().value(), UUID.randomUUID().toString(),
                f.zki(), subsequent, cancellation, payload);
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
            default -> "O";
        };
    }

    private static String authority(FiscalSubmission submission) {
        return submission.authority().name();
    }
}
