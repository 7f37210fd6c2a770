package eu.invoicing.core.internal.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The official FURS test vectors (docs/lifecycle.md, "Fiscalization"). */
class FursBarcodeTest {
    private static final LocalDateTime ISSUED = LocalDateTime.of(2015, 8, 15, 10, 13, 32);

    @Test
    void of_officialVector_matches() {
        assertThat(FursBarcode.of("a7e5f55e1dbb48b799268e1a6d8618a3", "12345678", ISSUED))
                .isEqualTo("223175087923687075112234402528973166755123456781508151013321");
    }

    @Test
    void of_officialVectorNeedingLeadingZero_matches() {
        assertThat(FursBarcode.of("3024e56bf1ddd2e7eeb5715c6859a913", "12345678", ISSUED))
                .isEqualTo("063994519708649896901260100447252359443123456781508151013320");
    }

    @Test
    void of_badTaxNumber_isRefused() {
        assertThatThrownBy(() -> FursBarcode.of("a7e5f55e1dbb48b799268e1a6d8618a3", "SI123", ISSUED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zoiInput_specExample_isTheCanonicalString() {
        assertThat(ProtectedCodes.zoiInput("12345678", ISSUED, "12345", "blag001", "11245", new BigDecimal("1245.56")))
                .isEqualTo("1234567815.08.2015 10:13:3212345blag001112451245.56");
    }

    @Test
    void zkiInput_ordersSequencePremiseDevice() {
        assertThat(ProtectedCodes.zkiInput("12345678901", ISSUED, "123", "POSL1", "1", new BigDecimal("10.00")))
                .isEqualTo("1234567890115.08.2015 10:13:32123POSL1110.00");
    }

    @Test
    void fromSignature_isLowercaseHexMd5() {
        // MD5("") = d41d8cd98f00b204e9800998ecf8427e
        assertThat(ProtectedCodes.fromSignature(new byte[0])).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }
}
