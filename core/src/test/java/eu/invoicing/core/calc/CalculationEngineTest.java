package eu.invoicing.core.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.CreationSource;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.ItemType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.core.model.TransactionType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per rule of the calculation (docs/calculation.md). */
class CalculationEngineTest {
    private final CalculationEngine engine = CalculationEngine.withDefaults();
    private final Entity slovenian = Entity.sampleSlovenian();

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static LineItem line(String qty, String price, String... rates) {
        LineItem.Builder b = LineItem.builder().name("Item").quantity(qty).price(price);
        for (String r : rates) {
            b.tax(r);
        }
        return b.build();
    }

    static LineItem grossLine(String qty, String gross, String... rates) {
        LineItem.Builder b = LineItem.builder().name("Item").quantity(qty).grossPrice(gross);
        for (String r : rates) {
            b.tax(r);
        }
        return b.build();
    }

    Document invoice(LineItem... items) {
        Document.Builder b = Document.builder(DocumentType.INVOICE);
        for (LineItem i : items) {
            b.item(i);
        }
        return b.build();
    }

    Document calc(Document draft) {
        return engine.calculate(draft, slovenian);
    }

    static List<String> paths(ValidationException e) {
        return e.violations().stream().map(Violation::path).toList();
    }

    @Nested
    class NetPrices {
        @Test
        void calculate_workedExampleOfTheSpec_pinsEveryFigure() {
            LineItem item = LineItem.builder().name("Item").quantity("2").price("100").tax("22")
                    .discount(Discount.percent(d("10"))).build();
            Document doc = calc(invoice(item));
            LineItem l = doc.items().get(0);
            assertThat(l.total()).isEqualByComparingTo("180.00");
            assertThat(l.totalDiscount()).isEqualByComparingTo("20.00");
            assertThat(l.totalWithTax()).isEqualByComparingTo("219.60");
            assertThat(doc.total()).isEqualByComparingTo("180.00");
            assertThat(doc.totalWithTax()).isEqualByComparingTo("219.60");
            assertThat(doc.totalDiscount()).isEqualByComparingTo("20.00");
        }

        @Test
        void calculate_referenceEstimateExample_totals8500And10370() {
            Document doc = calc(invoice(line("40", "150", "22"), line("1", "2500", "22")));
            assertThat(doc.total()).isEqualByComparingTo("8500");
            assertThat(doc.totalWithTax()).isEqualByComparingTo("10370");
            assertThat(doc.taxes()).singleElement().satisfies(t -> {
                assertThat(t.base()).isEqualByComparingTo("8500");
                assertThat(t.amount()).isEqualByComparingTo("1870");
            });
            assertThat(doc.items().get(0).totalWithTax()).isEqualByComparingTo("7320");
            assertThat(doc.items().get(1).totalWithTax()).isEqualByComparingTo("3050");
        }

        @Test
        void calculate_referenceCalculateExample_1000And1220() {
            Document doc = calc(invoice(line("10", "100", "22")));
            assertThat(doc.total()).isEqualByComparingTo("1000");
            assertThat(doc.totalWithTax()).isEqualByComparingTo("1220");
            assertThat(doc.taxes().get(0).name()).isEqualTo("VAT");
            assertThat(doc.transactionType()).isEqualTo(TransactionType.DOMESTIC);
        }

        @Test
        void calculate_twoPercentDiscounts_bothTakenFromTheOriginalSubtotal() {
            LineItem item = LineItem.builder().name("x").quantity("1").price("100")
                    .discount(Discount.percent(d("10"))).discount(Discount.percent(d("10"))).build();
            assertThat(calc(invoice(item)).total()).isEqualByComparingTo("80.00");
        }

        @Test
        void calculate_amountDiscount_isAFixedNetAmount() {
            LineItem item = LineItem.builder().name("x").quantity("3").price("10").tax("22")
                    .discount(Discount.amount(d("5"))).discount(Discount.percent(d("10"))).build();
            Document doc = calc(invoice(item));
            assertThat(doc.total()).isEqualByComparingTo("22.00");
            assertThat(doc.totalDiscount()).isEqualByComparingTo("8.00");
        }

        @Test
        void calculate_lineRoundsAtL1_shownDiscountMakesSubtotalMinusDiscountEqualTotal() {
            LineItem item = LineItem.builder().name("x").quantity("3").price("0.333").tax("22")
                    .discount(Discount.percent(d("7.5"))).build();
            LineItem l = calc(invoice(item)).items().get(0);
            // subtotal 0.999 -> shown 1.00; exact total 0.924075 -> 0.92; shown discount 0.08
            assertThat(l.total()).isEqualByComparingTo("0.92");
            assertThat(l.totalDiscount()).isEqualByComparingTo("0.08");
        }

        @Test
        void calculate_taxSummary_isComputedOnTheSummedBasePerRate() {
            // three lines of 0.05 at 22 %: per-line tax 0.01 each (0.03), on the summed base 0.15 -> 0.03
            // seven lines of 0.07 at 9.5 %: per line 0.00665 -> 0.01 (0.07); summed 0.49 -> 0.04655 -> 0.05
            Document.Builder b = Document.builder(DocumentType.INVOICE);
            for (int i = 0; i < 7; i++) {
                b.item(line("1", "0.07", "9.5"));
            }
            Document doc = calc(b.build());
            assertThat(doc.taxes().get(0).amount()).isEqualByComparingTo("0.05");
            assertThat(doc.totalWithTax()).isEqualByComparingTo("0.54");
        }

        @Test
        void calculate_zeroRatedExemptAndExportLines_stayInSeparateGroupsPerVatCategory() {
            LineItem exempt = LineItem.builder().name("a").quantity("1").price("10")
                    .taxes(List.of(LineTax.ofRate(d("0")).withCategory(TaxCategory.E, "Article 132", null))).build();
            LineItem zero = LineItem.builder().name("b").quantity("1").price("20")
                    .taxes(List.of(LineTax.ofRate(d("0")).withCategory(TaxCategory.Z, null, null))).build();
            LineItem exempt2 = LineItem.builder().name("c").quantity("1").price("5")
                    .taxes(List.of(LineTax.ofRate(d("0")).withCategory(TaxCategory.E, null, "VATEX-EU-132"))).build();
            Document doc = calc(invoice(exempt, zero, line("1", "100", "22"), exempt2));
            assertThat(doc.taxes()).extracting(TaxSummary::category)
                    .containsExactly(TaxCategory.E, TaxCategory.Z, null);
            assertThat(doc.taxes()).extracting(TaxSummary::base).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(d("15"), d("20"), d("100"));
            assertThat(doc.items().get(0).taxes().get(0).exemptionReason()).isEqualTo("Article 132");
            assertThat(doc.totalWithTax()).isEqualByComparingTo("157.00");
        }

        @Test
        void calculate_categoryAe_isReverseCharge() {
            LineItem ae = LineItem.builder().name("a").quantity("1").price("10")
                    .taxes(List.of(LineTax.ofRate(d("0")).withCategory(TaxCategory.AE, null, null))).build();
            Document doc = calc(Document.builder(DocumentType.INVOICE).item(ae).taxClause("Reverse charge").build());
            assertThat(doc.taxes().get(0).isReverseCharge()).isTrue();
            assertThat(doc.totalWithTax()).isEqualByComparingTo("10.00");
        }

        @Test
        void calculate_rateContradictingTheCategory_refusedAtTheRate() {
            LineItem exempt = LineItem.builder().name("a").quantity("1").price("10")
                    .taxes(List.of(LineTax.ofRate(d("22")).withCategory(TaxCategory.E, null, null))).build();
            LineItem standard = LineItem.builder().name("b").quantity("1").price("10")
                    .taxes(List.of(LineTax.ofRate(d("0")).withCategory(TaxCategory.S, null, null))).build();
            assertThatThrownBy(() -> calc(invoice(exempt, standard)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(paths(e))
                            .containsExactly("items[0].taxes[0].rate", "items[1].taxes[0].rate"));
        }

        @Test
        void calculate_severalTaxesOnALine_eachOnTheSameBaseNotCompounded() {
            Document doc = calc(invoice(line("1", "100", "22", "5")));
            assertThat(doc.items().get(0).taxes()).extracting(LineTax::amount)
                    .usingElementComparator(BigDecimal::compareTo).containsExactly(d("22"), d("5"));
            assertThat(doc.totalWithTax()).isEqualByComparingTo("127.00");
            assertThat(doc.taxes()).hasSize(2);
        }

        @Test
        void calculate_separatorLine_carriesNoAmounts() {
            LineItem sep = LineItem.builder().type(ItemType.SEPARATOR).name("Section B").build();
            Document doc = calc(invoice(line("1", "10", "22"), sep));
            assertThat(doc.items().get(1).total()).isNull();
            assertThat(doc.items().get(1).totalWithTax()).isNull();
            assertThat(doc.total()).isEqualByComparingTo("10.00");
        }

        @Test
        void calculate_lineWithoutTaxes_addsToTotalAndAppearsInNoGroup() {
            Document doc = calc(invoice(line("1", "10", "22"), line("2", "5")));
            assertThat(doc.total()).isEqualByComparingTo("20.00");
            assertThat(doc.taxes()).hasSize(1);
            assertThat(doc.totalWithTax()).isEqualByComparingTo("22.20");
        }

        @Test
        void calculate_sameRateWithAndWithoutTaxId_formsOneGroupTaxedOnTheSummedBase() {
            LineItem plain = line("1", "0.03", "22");
            LineItem stored = LineItem.builder().name("b").quantity("1").price("0.03")
                    .tax(new LineTax(d("22"), "tax_standard", null, null, null, null)).build();
            Document without = calc(invoice(plain, plain));
            Document with = calc(invoice(plain, stored));
            assertThat(with.taxes()).hasSize(1);
            assertThat(with.taxes().get(0).base()).isEqualByComparingTo("0.06");
            assertThat(with.taxes().get(0).amount()).isEqualByComparingTo("0.01");
            assertThat(with.totalWithTax()).isEqualByComparingTo(without.totalWithTax()).isEqualByComparingTo("0.07");
        }

        @Test
        void calculate_groupOfLinesWithDifferentTaxIdsAndNames_keepsOnlyWhatEveryLineShares() {
            LineItem a = LineItem.builder().name("a").quantity("1").price("10").tax(new LineTax(d("22"), "tax_a", "DDV", null, null, null)).build();
            LineItem b = LineItem.builder().name("b").quantity("1").price("10").tax(new LineTax(d("22.0"), "tax_b", "DDV", null, null, null)).build();
            LineItem c = LineItem.builder().name("c").quantity("1").price("10").tax(new LineTax(d("9.5"), "tax_r", "DDV", null, null, null)).build();
            LineItem e = LineItem.builder().name("e").quantity("1").price("10").tax(new LineTax(d("9.5"), "tax_r", "VAT", null, null, null)).build();
            Document doc = calc(invoice(a, b, c, e));
            assertThat(doc.taxes()).hasSize(2);
            TaxSummary standard = doc.taxes().get(0);
            assertThat(standard.base()).isEqualByComparingTo("20.00");
            assertThat(standard.taxId()).isNull();
            assertThat(standard.name()).isEqualTo("DDV");
            TaxSummary reduced = doc.taxes().get(1);
            assertThat(reduced.taxId()).isEqualTo("tax_r");
            assertThat(reduced.name()).isEqualTo(CalculationEngine.DEFAULT_TAX_NAME);
        }

        @Test
        void calculate_sameRateReverseChargedAndNot_formsTwoGroups() {
            LineItem reverse = LineItem.builder().name("r").quantity("1").price("10")
                    .tax(new LineTax(d("22"), null, null, null, null, true)).build();
            Document doc = calc(Document.builder(DocumentType.INVOICE).taxClause("RC").item(reverse)
                    .item(line("1", "10", "22")).build());
            assertThat(doc.taxes()).extracting(TaxSummary::isReverseCharge).containsExactly(true, false);
            assertThat(doc.totalWithTax()).isEqualByComparingTo("22.20");
        }
    }

    @Nested
    class GrossPrices {
        @Test
        void calculate_grossPrice_derivesNetByDivisionAndTaxAsRemainder() {
            Document doc = calc(invoice(grossLine("1", "12.20", "22")));
            LineItem l = doc.items().get(0);
            assertThat(l.total()).isEqualByComparingTo("10.00");
            assertThat(l.totalWithTax()).isEqualByComparingTo("12.20");
            assertThat(l.taxes().get(0).amount()).isEqualByComparingTo("2.20");
        }

        @Test
        void calculate_grossPriceWithTwoTaxes_lastTaxTakesTheRemainder() {
            Document doc = calc(invoice(grossLine("1", "10.00", "22", "5")));
            LineItem l = doc.items().get(0);
            // net = round(10 / 1.27) = 7.87; first tax round(7.87 * 0.22) = 1.73; last = 10 - 7.87 - 1.73 = 0.40
            assertThat(l.total()).isEqualByComparingTo("7.87");
            assertThat(l.taxes().get(0).amount()).isEqualByComparingTo("1.73");
            assertThat(l.taxes().get(1).amount()).isEqualByComparingTo("0.40");
            assertThat(l.totalWithTax()).isEqualByComparingTo("10.00");
        }

        @Test
        void calculate_grossGroup_customerPaysExactlyTheSumOfGrossLines() {
            Document.Builder b = Document.builder(DocumentType.INVOICE);
            for (int i = 0; i < 9; i++) {
                b.item(grossLine("1", "0.99", "22"));
            }
            Document doc = calc(b.build());
            assertThat(doc.totalWithTax()).isEqualByComparingTo("8.91");
            TaxSummary t = doc.taxes().get(0);
            // amount = round(8.91 * 22 / 122) = 1.61; base = 8.91 - 1.61 = 7.30
            assertThat(t.amount()).isEqualByComparingTo("1.61");
            assertThat(t.base()).isEqualByComparingTo("7.30");
            assertThat(doc.total()).isEqualByComparingTo("7.30");
        }

        @Test
        void calculate_groupMixingNetAndGrossLines_usesTheNetFormula() {
            Document doc = calc(invoice(grossLine("1", "12.20", "22"), line("1", "10", "22")));
            TaxSummary t = doc.taxes().get(0);
            assertThat(t.base()).isEqualByComparingTo("20.00");
            assertThat(t.amount()).isEqualByComparingTo("4.40");
        }

        @Test
        void calculate_grossDiscount_isTakenFromTheGrossSubtotal() {
            LineItem item = LineItem.builder().name("x").quantity("2").grossPrice("61").tax("22")
                    .discount(Discount.percent(d("50"))).build();
            LineItem l = calc(invoice(item)).items().get(0);
            assertThat(l.totalWithTax()).isEqualByComparingTo("61.00");
            assertThat(l.total()).isEqualByComparingTo("50.00");
            assertThat(l.totalDiscount()).isEqualByComparingTo("61.00");
        }
    }

    @Nested
    class B2cGrossDiscount {
        @Test
        void calculate_b2c_compoundsDiscountsOnTheRunningGrossAmount() {
            LineItem item = LineItem.builder().name("x").quantity("1").grossPrice("100").tax("22")
                    .discount(Discount.percent(d("10"))).discount(Discount.percent(d("10"))).build();
            Document doc = calc(Document.builder(DocumentType.INVOICE).calculationMode(CalculationMode.B2C_GROSS_DISCOUNT)
                    .item(item).build());
            assertThat(doc.totalWithTax()).isEqualByComparingTo("81.00");
            assertThat(doc.totalDiscount()).isEqualByComparingTo("19.00");
            assertThat(doc.calculationMode()).isEqualTo(CalculationMode.B2C_GROSS_DISCOUNT);
        }

        @Test
        void calculate_b2cWithNetPrice_grossesUpThenDiscounts() {
            LineItem item = LineItem.builder().name("x").quantity("1").price("100").tax("22")
                    .discount(Discount.amount(d("2"))).build();
            Document doc = calc(Document.builder(DocumentType.INVOICE).calculationMode(CalculationMode.B2C_GROSS_DISCOUNT)
                    .item(item).build());
            assertThat(doc.totalWithTax()).isEqualByComparingTo("120.00");
            assertThat(doc.total()).isEqualByComparingTo("98.36");
        }

        @Test
        void calculate_entityDefaultMode_appliesWhenTheDocumentGivesNone() {
            EntitySettings s = slovenian.settings();
            Entity b2c = slovenian.withSettings(EntitySettings.builder()
                    .defaultCalculationMode(CalculationMode.B2C_GROSS_DISCOUNT).build());
            assertThat(s.defaultCalculationMode()).isEqualTo(CalculationMode.B2B_STANDARD);
            Document doc = engine.calculate(invoice(grossLine("1", "100", "22")), b2c);
            assertThat(doc.calculationMode()).isEqualTo(CalculationMode.B2C_GROSS_DISCOUNT);
        }
    }

    @Nested
    class Currencies {
        @Test
        void calculate_jpy_roundsToWholeYen() {
            Document doc = engine.calculate(Document.builder(DocumentType.INVOICE).currencyCode("JPY")
                    .exchangeRate(new ExchangeRate(d("0.0061"), "ECB", null, null)).item(line("3", "333.5", "10")).build(), slovenian);
            assertThat(doc.total()).isEqualByComparingTo("1001");
            assertThat(doc.total().scale()).isZero();
            assertThat(doc.totalWithTax()).isEqualByComparingTo("1101");
        }

        @Test
        void calculate_kwd_roundsToThreeDecimals() {
            Document doc = engine.calculate(Document.builder(DocumentType.INVOICE).currencyCode("KWD")
                    .exchangeRate(new ExchangeRate(d("3.01"), null, null, null)).item(line("1", "1.23456", "5")).build(), slovenian);
            assertThat(doc.total()).isEqualByComparingTo("1.235");
            assertThat(doc.total().scale()).isEqualTo(3);
            assertThat(doc.totalWithTax().scale()).isEqualTo(3);
        }

        @Test
        void calculate_foreignCurrency_convertsTotalsGroupsAndLinesToTheEntityCurrency() {
            Document doc = engine.calculate(Document.builder(DocumentType.INVOICE).currencyCode("USD")
                    .exchangeRate(new ExchangeRate(d("0.9231"), "ECB", null, null)).item(line("1", "100", "22")).build(), slovenian);
            assertThat(doc.totalConverted()).isEqualByComparingTo("92.31");
            assertThat(doc.totalWithTaxConverted()).isEqualByComparingTo("112.62");
            assertThat(doc.taxes().get(0).amountConverted()).isEqualByComparingTo("20.31");
            assertThat(doc.items().get(0).totalConverted()).isEqualByComparingTo("92.31");
            assertThat(doc.exchangeRate().quoteCurrency()).isEqualTo("EUR");
        }

        @Test
        void calculate_foreignCurrencyWithoutRate_isAValidationError() {
            Document draft = Document.builder(DocumentType.INVOICE).currencyCode("USD").item(line("1", "1")).build();
            assertThatThrownBy(() -> calc(draft)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(paths(e)).contains("exchange_rate"));
        }

        @Test
        void calculate_exchangeRateQuotedInAnotherCurrencyThanTheEntity_isAValidationError() {
            Document draft = Document.builder(DocumentType.INVOICE).currencyCode("USD")
                    .exchangeRate(new ExchangeRate(d("0.92"), "ECB", null, "GBP")).item(line("1", "100", "22")).build();
            assertThatThrownBy(() -> calc(draft)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(paths(e)).containsExactly("exchange_rate.quote_currency"));
        }

        @Test
        void calculate_unknownCurrency_isAValidationErrorNamingTheField() {
            // The builder refuses the code already, so that no document can carry it into a calculation.
            assertThatThrownBy(() -> calc(Document.builder(DocumentType.INVOICE).currencyCode("XYZ").item(line("1", "1"))
                    .build())).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(paths(e)).contains("currency_code"));
        }
    }

    @Nested
    class ExpectedTotal {
        @Test
        void calculate_expectedWithinTolerance_setsRoundingCorrection() {
            Document doc = engine.calculate(invoice(line("1", "10.01", "22"), line("1", "10.01", "22")), slovenian,
                    CalculationOptions.expecting(d("24.43")));
            assertThat(doc.roundingCorrection()).isEqualByComparingTo("0.01");
            assertThat(doc.totalWithTax()).isEqualByComparingTo("24.43");
            assertThat(doc.totalDue()).isEqualByComparingTo("24.43");
        }

        @Test
        void calculate_expectedBeyondTolerance_isRefusedStatingBothValuesAndTheTolerance() {
            assertThatThrownBy(() -> engine.calculate(invoice(line("1", "10", "22")), slovenian,
                    CalculationOptions.expecting(d("12.30"))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(paths(e)).containsExactly("expected_total_with_tax");
                        assertThat(e.getMessage()).contains("12.30", "12.20", "0.01");
                    });
        }
    }

    @Nested
    class TransactionTypes {
        Document to(Party customer) {
            return calc(Document.builder(DocumentType.INVOICE).customer(customer).item(line("1", "100", "22")).build());
        }

        @Test
        void resolve_sameCountry_isDomestic() {
            assertThat(to(Party.builder().name("x").countryCode("SI").build()).transactionType())
                    .isEqualTo(TransactionType.DOMESTIC);
        }

        @Test
        void resolve_euCustomerWithWellFormedVatNumber_isIntraEuB2bAndRecordsTheUnverifiedCheck() {
            Document doc = to(Party.builder().name("x").country("Deutschland").taxNumber("DE123456789").build());
            assertThat(doc.transactionType()).isEqualTo(TransactionType.INTRA_EU_B2B);
            assertThat(doc.vies().status()).isEqualTo(eu.invoicing.core.model.VatCheckStatus.UNVERIFIED);
        }

        @Test
        void resolve_euCustomerWithMalformedOrNoVatNumber_isIntraEuB2c() {
            assertThat(to(Party.builder().name("x").countryCode("DE").taxNumber("DE12").build()).transactionType())
                    .isEqualTo(TransactionType.INTRA_EU_B2C);
            assertThat(to(Party.builder().name("x").countryCode("AT").build()).transactionType())
                    .isEqualTo(TransactionType.INTRA_EU_B2C);
        }

        @Test
        void resolve_nonEuCustomer_isThirdCountryB2bWithTaxNumberElseB2c() {
            assertThat(to(Party.builder().name("x").country("USA").taxNumber("94-1").build()).transactionType())
                    .isEqualTo(TransactionType.THIRD_COUNTRY_B2B);
            assertThat(to(Party.builder().name("x").countryCode("US").build()).transactionType())
                    .isEqualTo(TransactionType.THIRD_COUNTRY_B2C);
        }

        @Test
        void resolve_endConsumerOutsideTheEu_isForcedToB2c() {
            assertThat(to(Party.builder().name("x").countryCode("CH").taxNumber("CHE-1").isEndConsumer(true).build())
                    .transactionType()).isEqualTo(TransactionType.THIRD_COUNTRY_B2C);
        }

        @Test
        void resolve_countryCodeWinsOverCountryName() {
            assertThat(to(Party.builder().name("x").countryCode("SI").country("Germany").taxNumber("DE123456789").build())
                    .transactionType()).isEqualTo(TransactionType.DOMESTIC);
        }

        @Test
        void resolve_issuerNotATaxSubject_isAlwaysB2cWithoutReverseCharge() {
            Entity small = Entity.builder().id("ent_1").name("Small s.p.").countryCode("SI").isTaxSubject(false)
                    .settings(reverseChargeSettings()).build();
            Document doc = engine.calculate(Document.builder(DocumentType.INVOICE)
                    .customer(Party.builder().name("x").countryCode("DE").taxNumber("DE123456789").build())
                    .item(line("1", "100", "22")).build(), small);
            assertThat(doc.transactionType()).isEqualTo(TransactionType.INTRA_EU_B2C);
            assertThat(doc.taxes()).noneMatch(TaxSummary::isReverseCharge);
        }
    }

    static EntitySettings reverseChargeSettings() {
        return EntitySettings.builder().euTaxRules(EntitySettings.EuTaxRules.DEFAULT.withAutoReverseCharge(true))
                .taxClauseDefault(TransactionType.INTRA_EU_B2B, "Reverse charge (Art. 196)").build();
    }

    @Nested
    class ReverseCharge {
        private final Entity rcEntity = slovenian.withSettings(reverseChargeSettings());
        private final Party german = Party.builder().name("GmbH").countryCode("DE").taxNumber("DE123456789").build();

        @Test
        void calculate_intraEuB2bWithAutoReverseCharge_reportsTheBaseWithZeroTaxAndTheClause() {
            Document doc = engine.calculate(Document.builder(DocumentType.INVOICE).customer(german)
                    .item(line("2", "50", "22")).build(), rcEntity);
            TaxSummary t = doc.taxes().get(0);
            assertThat(t.isReverseCharge()).isTrue();
            assertThat(t.base()).isEqualByComparingTo("100.00");
            assertThat(t.amount()).isEqualByComparingTo("0.00");
            assertThat(doc.totalWithTax()).isEqualByComparingTo("100.00");
            assertThat(doc.taxClause()).isEqualTo("Reverse charge (Art. 196)");
        }

        @Test
        void calculate_lineTaxMarkedReverseCharge_appliesWithoutTheEntitySetting() {
            LineItem item = LineItem.builder().name("x").quantity("1").price("100")
                    .tax(new LineTax(d("22"), null, null, null, null, true)).build();
            Document doc = calc(Document.builder(DocumentType.INVOICE).customer(german).taxClause("RC").item(item).build());
            assertThat(doc.taxes().get(0).isReverseCharge()).isTrue();
            assertThat(doc.totalWithTax()).isEqualByComparingTo("100.00");
        }

        @Test
        void calculate_lineTaxesDisagreeOnReverseCharge_isAValidationErrorNamingTheTaxes() {
            LineItem item = LineItem.builder().name("x").quantity("1").price("100")
                    .tax(new LineTax(d("8.1"), null, null, null, null, true)).tax("22").build();
            assertThatThrownBy(() -> calc(Document.builder(DocumentType.INVOICE).customer(german).taxClause("RC")
                    .item(line("1", "5", "22")).item(item).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(paths(e)).containsExactly("items[1].taxes");
                        assertThat(e.violations().get(0).code()).isEqualTo("conflict");
                    });
        }

        @Test
        void calculate_lineTaxesAgreeOnReverseChargeFalseAndNull_isAccepted() {
            LineItem item = LineItem.builder().name("x").quantity("1").price("100")
                    .tax(new LineTax(d("8.1"), null, null, null, null, false)).tax("22").build();
            assertThat(calc(invoice(item)).totalWithTax()).isEqualByComparingTo("130.10");
        }

        @Test
        void calculate_reverseChargeWithoutClauseOrDefault_isAValidationError() {
            LineItem item = LineItem.builder().name("x").quantity("1").price("100")
                    .tax(new LineTax(d("22"), null, null, null, null, true)).build();
            Entity noDefaults = slovenian.withSettings(EntitySettings.defaults());
            assertThatThrownBy(() -> engine.calculate(Document.builder(DocumentType.INVOICE).customer(german).item(item)
                    .build(), noDefaults)).isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(paths(e)).containsExactly("tax_clause"));
        }
    }

    @Nested
    class Payments {
        @Test
        void calculate_livePayments_giveTotalPaidDueAndPaidInFull() {
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            Document doc = calc(Document.builder(DocumentType.INVOICE).item(line("1", "100", "22"))
                    .payments(List.of(Payment.builder().id("pay_1").amount(d("100")).createdAt(t).build(),
                            Payment.builder().id("pay_2").amount(d("22")).type(PaymentType.CREDIT_NOTE).createdAt(t)
                                    .build(),
                            Payment.builder().id("pay_3").amount(d("50")).type(PaymentType.CASH).createdAt(t)
                                    .deletedAt(t).build()))
                    .build());
            assertThat(doc.totalPaid()).isEqualByComparingTo("122.00");
            assertThat(doc.totalDue()).isEqualByComparingTo("0.00");
            assertThat(doc.paidInFull()).isTrue();
        }

        @Test
        void calculate_noPayments_dueIsTheTotal() {
            Document doc = calc(invoice(line("1", "100", "22")));
            assertThat(doc.totalPaid()).isEqualByComparingTo("0");
            assertThat(doc.totalDue()).isEqualByComparingTo("122.00");
            assertThat(doc.paidInFull()).isFalse();
        }

        @Test
        void calculate_estimate_hasNoPaymentState() {
            Document doc = calc(Document.builder(DocumentType.ESTIMATE).item(line("1", "100", "22")).build());
            assertThat(doc.totalPaid()).isNull();
            assertThat(doc.paidInFull()).isNull();
        }
    }

    @Nested
    class CustomTotals {
        Document.Builder custom() {
            return Document.builder(DocumentType.CREDIT_NOTE).creationSource(CreationSource.CUSTOM)
                    .total(d("850")).totalWithTax(d("1037"))
                    .taxes(List.of(new TaxSummary(null, d("22"), null, d("850"), d("187"), null, null, null, null)))
                    .item(line("1", "850", "22").toBuilder().total(d("850")).totalWithTax(d("1037")).build());
        }

        @Test
        void calculate_customWithoutMode_acceptsTheSuppliedTotalsAsGiven() {
            Document doc = calc(custom().totalWithTax(d("1037.01")).build());
            assertThat(doc.totalWithTax()).isEqualByComparingTo("1037.01");
            assertThat(doc.creationSource()).isEqualTo(CreationSource.CUSTOM);
            assertThat(doc.calculationMode()).isNull();
        }

        @Test
        void calculate_customWithModeWithinTolerance_keepsTheSuppliedTotals() {
            Document doc = calc(custom().calculationMode(CalculationMode.B2B_STANDARD).totalWithTax(d("1037.01")).build());
            assertThat(doc.totalWithTax()).isEqualByComparingTo("1037.01");
        }

        @Test
        void calculate_customWithModeBeyondTolerance_isRefusedNamingTheTotal() {
            assertThatThrownBy(() -> calc(custom().calculationMode(CalculationMode.B2B_STANDARD).total(d("851")).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(paths(e)).containsExactly("total"));
        }

        @Test
        void calculate_customTaxesOfTheSameRate_matchTheGroupWithTheSameReverseCharge() {
            LineItem reverse = LineItem.builder().name("r").quantity("1").price("100")
                    .tax(new LineTax(d("22"), null, null, null, null, true)).total(d("100")).totalWithTax(d("100")).build();
            LineItem taxed = line("1", "100", "22").toBuilder().total(d("100")).totalWithTax(d("122")).build();
            Document draft = Document.builder(DocumentType.INVOICE).creationSource(CreationSource.CUSTOM)
                    .calculationMode(CalculationMode.B2B_STANDARD).taxClause("RC").total(d("200")).totalWithTax(d("222"))
                    .taxes(List.of(new TaxSummary(null, d("22"), null, d("100"), d("22"), false, null, null, null),
                            new TaxSummary(null, d("22"), null, d("100"), d("0"), true, null, null, null)))
                    .item(reverse).item(taxed).build();
            Document doc = calc(draft);
            assertThat(doc.totalWithTax()).isEqualByComparingTo("222.00");
        }

        @Test
        void calculate_customMissingTotals_reportsEveryMissingPath() {
            Document draft = Document.builder(DocumentType.INVOICE).creationSource(CreationSource.CUSTOM)
                    .item(line("1", "1")).build();
            assertThatThrownBy(() -> calc(draft)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(paths(e)).containsExactlyInAnyOrder("total", "total_with_tax", "items[0].total",
                            "items[0].total_with_tax"));
        }
    }

    @Nested
    class Validation {
        @Test
        void calculate_noItems_isAValidationError() {
            assertThatThrownBy(() -> calc(Document.builder(DocumentType.INVOICE).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(paths(e)).containsExactly("items"));
        }

        @Test
        void calculate_manyBadFields_reportsEveryPathNotOnlyTheFirst() {
            LineItem bad = LineItem.builder().name(" ").quantity(d("1.12345678901")).price(d("-1"))
                    .tax(LineTax.ofRate(d("22.12345"))).discount(Discount.percent(d("101"))).build();
            Map<String, String> metadata = new HashMap<>();
            metadata.put("k".repeat(41), "v");
            metadata.put("long", "v".repeat(251));
            Document draft = Document.builder(DocumentType.INVOICE).item(bad).metadata(metadata).build();
            assertThatThrownBy(() -> calc(draft)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(paths(e)).contains("items[0].name", "items[0].quantity", "items[0].price",
                            "items[0].taxes[0].rate", "items[0].discounts[0].value", "metadata." + "k".repeat(41),
                            "metadata.long"));
        }

        @Test
        void calculate_moreThanFiveDiscounts_isAValidationError() {
            LineItem.Builder b = LineItem.builder().name("x").quantity("1").price("100");
            for (int i = 0; i < 6; i++) {
                b.discount(Discount.percent(d("1")));
            }
            assertThatThrownBy(() -> calc(invoice(b.build()))).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(paths(e)).containsExactly("items[0].discounts"));
        }

        @Test
        void calculate_discountLargerThanSubtotal_isAValidationError() {
            LineItem item = LineItem.builder().name("x").quantity("1").price("10").discount(Discount.amount(d("10.01"))).build();
            assertThatThrownBy(() -> calc(invoice(item))).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(paths(e)).containsExactly("items[0].discounts"));
        }

        @Test
        void calculate_negativeDiscount_isAValidationError() {
            LineItem item = LineItem.builder().name("x").quantity("1").price("10").discount(Discount.amount(d("-1"))).build();
            assertThatThrownBy(() -> calc(invoice(item))).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(paths(e)).containsExactly("items[0].discounts[0].value"));
        }

        @Test
        void calculate_tooManyMetadataProperties_isAValidationError() {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < 51; i++) {
                m.put("k" + i, "v");
            }
            assertThatThrownBy(() -> calc(Document.builder(DocumentType.INVOICE).item(line("1", "1")).metadata(m).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(paths(e)).containsExactly("metadata"));
        }

        @Test
        void calculate_negativeQuantity_allowedOnInvoiceCorrectionsRefusedElsewhere() {
            Document doc = calc(invoice(line("2", "10", "22"), line("-1", "10", "22")));
            assertThat(doc.total()).isEqualByComparingTo("10.00");
            assertThatThrownBy(() -> calc(Document.builder(DocumentType.ESTIMATE).item(line("-1", "10")).build()))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(paths(e)).containsExactly("items[0].quantity"));
        }

        @Test
        void calculate_priceAndGrossPriceTogether_isAValidationError() {
            LineItem item = LineItem.builder().name("x").quantity("1").price("10").grossPrice("12.2").build();
            assertThatThrownBy(() -> calc(invoice(item))).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(paths(e)).containsExactly("items[0].gross_price"));
        }

        @Test
        void calculate_inputScaleWithinLimits_isKept() {
            Document doc = calc(invoice(line("1.5", "12.3456", "9.5")));
            assertThat(doc.items().get(0).price()).isEqualTo(d("12.3456"));
            assertThat(doc.items().get(0).total()).isEqualByComparingTo("18.52");
        }
    }

    @Test
    void calculate_draftIsUnaffected_andResultCarriesIssuerCurrencyAndSource() {
        Document draft = invoice(line("1", "10", "22"));
        Document doc = calc(draft);
        assertThat(draft.total()).isNull();
        assertThat(doc.issuer().name()).isEqualTo(slovenian.name());
        assertThat(doc.currencyCode()).isEqualTo("EUR");
        assertThat(doc.creationSource()).isEqualTo(CreationSource.API);
    }
}
