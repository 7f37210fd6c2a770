package eu.invoicing.rendering.payment;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.rendering.testing.BarcodeDecoding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EpcQrTest {

    @Test
    void payload_guidelineExample_matchesByteForByte() {
        EpcQr epc = EpcQr.of(null, "Primer d.o.o.", "SI56191000000123438", "EUR", new BigDecimal("143.90"),
                null, null, "Račun 2026-0001", null);
        assertThat(epc.payload()).isEqualTo(
                "BCD\n002\n1\nSCT\n\nPrimer d.o.o.\nSI56191000000123438\nEUR143.90\n\n\nRačun 2026-0001");
    }

    @Test
    void toBarcode_decodesToEveryElementAsUtf8AtLevelM() throws Exception {
        EpcQr epc = EpcQr.of("LJBASI2X", "Čebelarstvo Žužek s.p.", "SI56 1910 0000 0123 438", "EUR",
                new BigDecimal("1234.5"), "GDSV", "RF18539007547034", null, "Hvala!");
        Barcode barcode = epc.toBarcode();
        assertThat(barcode.version()).isLessThanOrEqualTo(EpcQr.MAX_QR_VERSION);

        Result result = BarcodeDecoding.decode(BarcodeDecoding.paint(barcode, 4), BarcodeFormat.QR_CODE);
        assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("M");
        String decoded = BarcodeDecoding.bytesAs(result, StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(epc.payload());
        assertThat(decoded.split("\n", -1)).containsExactly("BCD", "002", "1", "SCT", "LJBASI2X",
                "Čebelarstvo Žužek s.p.", "SI56191000000123438", "EUR1234.50", "GDSV", "RF18539007547034", "",
                "Hvala!");
    }

    @Test
    void of_nonEuroAndBadElements_reportsEveryProblem() {
        ValidationException e = catchThrowableOfType(() -> EpcQr.of("XX", "", "SI56191000000123400", "USD",
                new BigDecimal("0.001"), "TOOLONG", "RF00", "text", "i".repeat(71)), ValidationException.class);
        assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder("epc_qr.bic",
                "epc_qr.name", "epc_qr.iban", "epc_qr.currency", "epc_qr.amount", "epc_qr.purpose",
                "epc_qr.creditor_reference", "epc_qr.text", "epc_qr.information");
    }

    @Test
    void of_payloadOver331Bytes_isRejected() {
        // 70 + 140 + 70 two-byte characters are far beyond 331 bytes
        ValidationException e = catchThrowableOfType(() -> EpcQr.of(null, "Ž".repeat(70), "SI56191000000123438",
                "EUR", BigDecimal.TEN, null, null, "Ž".repeat(140), "Ž".repeat(70)), ValidationException.class);
        assertThat(e.violations()).extracting(Violation::code).containsExactly("too_long");
    }

    @Test
    void payload_withoutOptionalTail_hasNoTrailingSeparator() {
        EpcQr epc = EpcQr.of(null, "A", "SI56191000000123438", "EUR", null, null, null, null, null);
        assertThat(epc.payload()).isEqualTo("BCD\n002\n1\nSCT\n\nA\nSI56191000000123438");
    }
}
