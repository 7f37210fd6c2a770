package eu.invoicing.rendering.payment;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.rendering.testing.BarcodeDecoding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UpnQrTest {

    /** The example of the ZBS annex 7.3 (docs/rendering.md, "Payment codes"). */
    static UpnQr zbsExample() {
        return UpnQr.builder()
                .payerIban("SI56020170014356205")
                .payerReference("SI00225268-32526-222")
                .payerName("Poljubno podjetje d.o.o.")
                .payerStreet("Lepa cesta 10")
                .payerCity("2000 Maribor")
                .amount(new BigDecimal("1268.74"))
                .paymentDate(LocalDate.of(2016, 7, 11))
                .urgent(true)
                .purposeCode("CPYR")
                .purpose("Plačilo računa 18/2016.")
                .recipientIban("SI56020360253863406")
                .recipientReference("SI081236-17-345679")
                .recipientName("Združenje bank Slovenije - GIZ")
                .recipientStreet("Šubičeva 2")
                .recipientCity("1000 Ljubljana")
                .build();
    }

    @Test
    void checksum_zbsExample_is252() {
        UpnQr upn = zbsExample();
        assertThat(upn.checksum()).isEqualTo(252);
        assertThat(upn.payload()).endsWith("\n252\n");
        assertThat(upn.field(9)).isEqualTo("00000126874");
        assertThat(upn.field(10)).isEqualTo("11.07.2016");
        assertThat(upn.field(14)).isEmpty();
    }

    @Test
    void payload_zbsExample_hasTwentyLinesInTheStandardOrder() {
        String[] lines = zbsExample().payload().split("\n", -1);
        assertThat(lines).hasSize(21);
        assertThat(lines).containsExactly("UPNQR", "SI56020170014356205", "", "", "SI00225268-32526-222",
                "Poljubno podjetje d.o.o.", "Lepa cesta 10", "2000 Maribor", "00000126874", "11.07.2016", "X",
                "CPYR", "Plačilo računa 18/2016.", "", "SI56020360253863406", "SI081236-17-345679",
                "Združenje bank Slovenije - GIZ", "Šubičeva 2", "1000 Ljubljana", "252", "");
    }

    @Test
    void toBarcode_zbsExample_isVersion15AndDecodesToEveryFieldWithEci() throws Exception {
        UpnQr upn = zbsExample();
        Barcode barcode = upn.toBarcode();
        assertThat(barcode.version()).isEqualTo(15);
        assertThat(barcode.width()).isEqualTo(77);
        assertThat(barcode.height()).isEqualTo(77);

        Result result = BarcodeDecoding.decode(BarcodeDecoding.paint(barcode, 4), BarcodeFormat.QR_CODE);
        assertThat(result.getText()).isEqualTo(upn.payload());
        // ]Q2 = QR Code model 2 with an ECI designator in effect
        assertThat(result.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)).isEqualTo("]Q2");
        assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("M");
        assertThat(BarcodeDecoding.bytesAs(result, UpnQr.CHARSET)).isEqualTo(upn.payload());
        String[] decoded = result.getText().split("\n", -1);
        for (int field = 1; field <= 19; field++) {
            assertThat(decoded[field - 1]).as("field %d", field).isEqualTo(upn.field(field));
        }
        int sum = 0;
        for (int field = 0; field < 19; field++) {
            sum += decoded[field].length() + 1;
        }
        assertThat(Integer.parseInt(decoded[19])).isEqualTo(sum).isEqualTo(252);
    }

    @Test
    void build_minimalOrder_defaultsPurposeCodeToOthrAndReferenceToSi99() {
        UpnQr upn = UpnQr.builder().amount(BigDecimal.ZERO).purpose("Račun 2026-00001")
                .recipientIban("SI56 0203 6025 3863 406").recipientName("Primer d.o.o.").build();
        assertThat(upn.field(12)).isEqualTo("OTHR");
        assertThat(upn.field(16)).isEqualTo("SI99");
        assertThat(upn.field(9)).isEqualTo("00000000000");
        assertThat(upn.field(15)).isEqualTo("SI56020360253863406");
    }

    @Test
    void build_everyFieldWrong_reportsAllViolationsAtOnce() {
        String longText = "x".repeat(34);
        ValidationException e = catchThrowableOfType(() -> UpnQr.builder()
                .payerIban("SI56020170014356200")
                .payerReference("SI05123")
                .payerName(longText).payerStreet(longText).payerCity(" Maribor")
                .amount(new BigDecimal("1000000000.00"))
                .purposeCode("othr")
                .purpose("Plačilo 100 €")
                .recipientIban("SI56020360253863400")
                .recipientReference("RF00123")
                .recipientName(null)
                .recipientStreet("Line\nbreak").recipientCity(longText)
                .build(), ValidationException.class);
        assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "upn_qr.payer_iban", "upn_qr.payer_reference", "upn_qr.payer_name", "upn_qr.payer_street",
                "upn_qr.payer_city", "upn_qr.amount", "upn_qr.purpose_code", "upn_qr.purpose",
                "upn_qr.recipient_iban", "upn_qr.recipient_reference", "upn_qr.recipient_name",
                "upn_qr.recipient_street", "upn_qr.recipient_city");
        assertThat(e.violations()).extracting(Violation::code).contains("unencodable", "too_long", "outer_space",
                "control_character", "invalid_iban", "invalid_reference", "out_of_range", "required");
    }

    @Test
    void build_amountWithThreeDecimals_isRejectedNotRounded() {
        assertThatThrownBy(() -> UpnQr.builder().amount(new BigDecimal("1.005")).purpose("x")
                .recipientIban("SI56020360253863406").recipientName("A").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("1.005");
    }

    @Test
    void build_referenceModels_checkDigitsPerModel() {
        assertThat(reference("SI121234567890")).isNull(); // mod 11 of 123456789 is 0
        assertThat(reference("SI121234567891")).isNotNull();
        assertThat(reference("SI0012-34-56")).isNull();
        assertThat(reference("SI0012-34-56-78")).isNotNull();
        assertThat(reference("SI99")).isNull();
        assertThat(reference("SI991")).isNotNull();
        assertThat(reference("RF18539007547034")).isNull();
        assertThat(reference("RF19539007547034")).isNotNull();
        assertThat(reference("SI051234")).isNotNull();
    }

    private static ValidationException reference(String reference) {
        try {
            UpnQr.builder().amount(BigDecimal.ONE).purpose("x").recipientIban("SI56020360253863406")
                    .recipientName("A").recipientReference(reference).build();
            return null;
        } catch (ValidationException e) {
            return e;
        }
    }
}
