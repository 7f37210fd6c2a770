package eu.invoicing.rendering.payment;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.rendering.testing.BarcodeDecoding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class Hub3BarcodeTest {

    @Test
    void toBarcode_decodesToEveryFieldInIso88592() throws Exception {
        Hub3Barcode hub3 = Hub3Barcode.of("EUR", new BigDecimal("123.55"), "Pero Perić", "Ilica 1",
                "10000 Zagreb", "Primjer d.o.o.", "Franjčevićeva 43", "10000 Zagreb", "HR1210010051863000160",
                "HR01", "2026-00001", "OTHR", "Račun 2026-00001");
        Barcode barcode = hub3.toBarcode();
        assertThat(barcode.symbology()).isEqualTo(Barcode.Symbology.PDF417);

        Result result = BarcodeDecoding.decode(BarcodeDecoding.paint(barcode, 2), BarcodeFormat.PDF_417);
        // ZXing's PDF417 reader returns byte compaction as ISO-8859-1 chars: turn them back into the bytes
        String decoded = new String(result.getText().getBytes(StandardCharsets.ISO_8859_1), Hub3Barcode.CHARSET);
        assertThat(decoded).isEqualTo(hub3.payload());
        assertThat(decoded.split("\n", -1)).containsExactly("HRVHUB30", "EUR", "000000000012355", "Pero Perić",
                "Ilica 1", "10000 Zagreb", "Primjer d.o.o.", "Franjčevićeva 43", "10000 Zagreb",
                "HR1210010051863000160", "HR01", "2026-00001", "OTHR", "Račun 2026-00001", "");
    }

    @Test
    void of_invalidFields_reportsEveryProblem() {
        ValidationException e = catchThrowableOfType(() -> Hub3Barcode.of("EUR", new BigDecimal("-1"), null, null,
                null, "x".repeat(26), null, null, "SI56191000000123438", "99", "ABC", "x", "€"),
                ValidationException.class);
        assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder("hub3.amount",
                "hub3.recipient_name", "hub3.iban", "hub3.model", "hub3.reference", "hub3.purpose_code",
                "hub3.description");
    }

    @Test
    void of_badCurrencyCode_isTheModelsOneUnknownCurrencyCode() {
        for (String code : new String[] {"eur", "XYZ", "XAU", ""}) {
            ValidationException e = catchThrowableOfType(() -> Hub3Barcode.of(code, new BigDecimal("1.00"), null, null,
                    null, "Firma d.o.o.", null, null, "HR1210010051863000160", null, null, null, null),
                    ValidationException.class);
            assertThat(e.violations()).extracting(Violation::path, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("hub3.currency", "unknown_currency"));
        }
    }
}
