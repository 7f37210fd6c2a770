package eu.invoicing.rendering.internal;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.CreditNote;
import eu.invoicing.core.model.DeliveryNote;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.DiscountType;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.Estimate;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.PartyIdentifier;
import eu.invoicing.core.model.RelationType;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.core.model.TitleType;
import eu.invoicing.rendering.RenderMode;
import eu.invoicing.rendering.RenderOptions;
import eu.invoicing.rendering.Template;
import eu.invoicing.rendering.i18n.Label;
import eu.invoicing.rendering.i18n.Labels;
import eu.invoicing.rendering.i18n.Language;
import eu.invoicing.rendering.i18n.LocaleFormat;
import eu.invoicing.rendering.internal.DocumentView.Column;
import eu.invoicing.rendering.internal.DocumentView.ColumnKind;
import eu.invoicing.rendering.internal.DocumentView.Field;
import eu.invoicing.rendering.internal.DocumentView.PartyBlock;
import eu.invoicing.rendering.internal.DocumentView.Row;
import eu.invoicing.rendering.internal.DocumentView.TaxRow;
import eu.invoicing.rendering.internal.DocumentView.TextBlock;
import eu.invoicing.rendering.payment.Barcode;
import eu.invoicing.rendering.payment.FursQr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Turns a calculated document, its entity and the render options into the {@link DocumentView} both
 * backends draw; in complete mode it first validates every field a finished document needs and
 * reports all problems in one {@link ValidationException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ViewBuilder {
    private static final ZoneId LJUBLJANA = ZoneId.of("Europe/Ljubljana");
    private static final ZoneId ZAGREB = ZoneId.of("Europe/Zagreb");

    private ViewBuilder() {
    }

    /**
     * @param document the calculated document, not null
     * @param entity the issuing entity, not null
     * @param options render options, not null
     * @return the layout model
     * @throws ValidationException in complete mode when required fields are missing, or when the
     *         template, locale or language cannot be resolved
     */
    public static DocumentView build(Document document, Entity entity, RenderOptions options) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        Template template = options.template() != null ? options.template() : Template.of(entity.settings().pdfTemplate());
        LocaleFormat format = options.locale() != null ? LocaleFormat.of(options.locale()) : LocaleFormat.of(entity.locale());
        Language language = options.language() != null ? options.language() : format.language();
        Context c = new Context(document, entity, format, Labels.of(language));

        List<Violation> violations = new ArrayList<>();
        if (options.mode() == RenderMode.COMPLETE) {
            CompletenessCheck.check(document, entity, c.issuer, violations);
        }
        DocumentView.PaymentCode paymentCode = PaymentCodes.build(document, entity, c.labels, c.format, c.issuer,
                c.hidePrices, options.mode() == RenderMode.COMPLETE ? violations : null);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }

        Theme theme = Theme.of(template);
        List<Column> columns = c.columns();
        List<Row> rows = c.rows(columns);
        columns = fitColumns(theme, c.labels, columns, rows);
        byte[] logo = options.logo();
        String title = c.title();
        return new DocumentView(theme, c.labels, title, titleSize(theme, c.labels, title), c.mark(), document.number(), c.meta(),
                c.party(c.labels.get(Label.PARTY_ISSUER), c.issuer),
                document.customer() == null ? null : c.party(c.labels.get(Label.PARTY_CUSTOMER), document.customer()),
                logo, logo == null ? null : mediaType(logo), columns, rows, c.taxRows(), c.totals(),
                c.convertedHeading(), c.converted(), c.texts(), TradeView.bank(document, c.labels, c.bank()), c.fiscal(), c.fiscalCode(), paymentCode,
                blankToNull(document.signature()), blankToNull(document.footer()));
    }

    /** Points per millimetre. */
    static final float PT_PER_MM = 72f / 25.4f;

    /** The width of the page's content (A4 less the theme's side margins), in points. */
    static float contentWidth(Theme theme) {
        return (210f - 2 * theme.margin()) * PT_PER_MM;
    }

    /** The width of the header cell that holds the title, in points (see the backends' header layouts). */
    static float titleWidth(Theme theme) {
        float content = contentWidth(theme);
        switch (theme.headerStyle()) {
            case BAND:
                return 210f * PT_PER_MM / 2.2f - theme.margin() * PT_PER_MM;
            case CENTERED:
                return content;
            case TITLE_FIRST:
                return content * 1.3f / 2.3f;
            case SPLIT:
            default:
                return content / 2.2f;
        }
    }

    /**
     * The theme's title size, made smaller when the title's widest word (in upper case and letter-spaced as
     * the theme sets it) would not fit its header cell: "Anzahlungsrechnung" or "INNBORGUNARREIKNINGUR" are
     * set smaller rather than cut.
     */
    static float titleSize(Theme theme, Labels labels, String title) {
        String text = theme.titleUppercase() ? title.toUpperCase(labels.language().defaultLocale()) : title;
        boolean bold = theme.template() != Template.MINIMAL && theme.headerStyle() != Theme.HeaderStyle.BAND;
        com.lowagie.text.pdf.BaseFont font = theme.serifHeadings()
                ? (bold ? PdfFonts.SERIF_BOLD : PdfFonts.SERIF) : (bold ? PdfFonts.SANS_BOLD : PdfFonts.SANS);
        float spacing = theme.titleUppercase() ? Theme.TITLE_LETTER_SPACING_EM : 0f;
        float widestAtOnePoint = 0f;
        for (String word : text.split(" +")) {
            widestAtOnePoint = Math.max(widestAtOnePoint, Measure.width(font, 1f, word) + spacing * word.length());
        }
        float fits = widestAtOnePoint == 0f ? theme.titleSize() : titleWidth(theme) * 0.97f / widestAtOnePoint;
        return Math.min(theme.titleSize(), (float) Math.floor(fits * 2) / 2);
    }

    /**
     * Gives every item-table column at least the room its header's widest word and (numeric and unit
     * columns, which never wrap) its widest value need, with the theme's type and padding; the item column
     * takes what is left. Both backends draw these widths, so no header is cut mid-word in the PDF and none
     * runs into its neighbour in the HTML.
     */
    static List<Column> fitColumns(Theme theme, Labels labels, List<Column> columns, List<Row> rows) {
        float headSize = theme.itemHeaderSize();
        float spacing = theme.uppercaseHeadings() ? Theme.HEADER_LETTER_SPACING_EM * headSize : 0f;
        float[] preferred = new float[columns.size()];
        float[] minimum = new float[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String head = theme.uppercaseHeadings() ? column.label().toUpperCase(labels.language().defaultLocale()) : column.label();
            float widest = 0f;
            for (String word : head.split("[ \n]+")) {
                widest = Math.max(widest, Measure.width(PdfFonts.bodyBold(theme), headSize, word) + spacing * word.length());
            }
            if (column.kind() != ColumnKind.ITEM) {
                for (Row row : rows) {
                    if (!row.separator()) {
                        widest = Math.max(widest, Measure.width(PdfFonts.body(theme), theme.baseSize(), row.cells().get(i)));
                    }
                }
            }
            preferred[i] = column.weight();
            // the padding on both sides, and a point of slack for rounding in the browser
            minimum[i] = widest + 2 * theme.padding() + 1.5f;
        }
        float[] widths = Measure.fit(contentWidth(theme), preferred, minimum);
        List<Column> fitted = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            fitted.add(new Column(column.kind(), column.label(), column.numeric(), widths[i]));
        }
        return List.copyOf(fitted);
    }

    private static String mediaType(byte[] logo) {
        if (logo.length > 3 && (logo[0] & 0xFF) == 0xFF && (logo[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        if (logo.length > 3 && logo[0] == 'G' && logo[1] == 'I' && logo[2] == 'F') {
            return "image/gif";
        }
        return "image/png";
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Per-render state: the document, the resolved format and labels, the amount sign. */
    private static final class Context {
        final Document d;
        final Entity entity;
        final LocaleFormat format;
        final Labels labels;
        final Currency currency;
        final Party issuer;
        final boolean negate;
        final boolean hidePrices;

        Context(Document d, Entity entity, LocaleFormat format, Labels labels) {
            this.d = d;
            this.entity = entity;
            this.format = format;
            this.labels = labels;
            // The currency was parsed where the document was read (CurrencyCode): no bad code reaches rendering;
            // null means the entity's currency.
            this.currency = (d.currency() != null ? d.currency() : entity.currency()).currency();
            this.issuer = d.issuer() != null ? d.issuer() : entity.asIssuer();
            this.negate = d instanceof CreditNote && entity.settings().creditNoteNegativeValues();
            this.hidePrices = hidesPrices(d, entity.settings());
        }

        static boolean hidesPrices(Document d, EntitySettings settings) {
            if (!(d instanceof DeliveryNote)) {
                return false;
            }
            Boolean hide = ((DeliveryNote) d).hidePrices();
            return hide != null ? hide : settings.deliveryNoteHidePrices();
        }

        String money(BigDecimal amount) {
            return format.money(negate ? amount.negate() : amount, currency);
        }

        String amount(BigDecimal amount) {
            return format.amount(negate ? amount.negate() : amount, currency);
        }

        String title() {
            switch (d.type()) {
                case ESTIMATE:
                    return labels.get(((Estimate) d).titleType() == TitleType.PROFORMA_INVOICE
                            ? Label.TITLE_PROFORMA_INVOICE : Label.TITLE_ESTIMATE);
                case CREDIT_NOTE:
                    return labels.get(Label.TITLE_CREDIT_NOTE);
                case ADVANCE_INVOICE:
                    return labels.get(Label.TITLE_ADVANCE_INVOICE);
                case DELIVERY_NOTE:
                    return labels.get(Label.TITLE_DELIVERY_NOTE);
                case INVOICE:
                default:
                    return labels.get(Label.TITLE_INVOICE);
            }
        }

        String mark() {
            if (d.isVoided()) {
                return labels.get(Label.MARK_VOID);
            }
            return d.isDraft() ? labels.get(Label.MARK_DRAFT) : null;
        }

        List<Field> meta() {
            List<Field> meta = new ArrayList<>();
            if (d.date() != null) {
                meta.add(Field.of(labels.get(Label.META_DATE), format.date(d.date())));
            }
            if (d.dateService() != null && d.dateServiceTo() != null && !d.dateServiceTo().equals(d.dateService())) {
                meta.add(Field.of(labels.get(Label.META_SERVICE_PERIOD),
                        format.date(d.dateService()) + " \u2013 " + format.date(d.dateServiceTo())));
            } else if (d.dateService() != null) {
                meta.add(Field.of(labels.get(Label.META_SERVICE_DATE), format.date(d.dateService())));
            }
            if (d instanceof Estimate && ((Estimate) d).dateValidTill() != null) {
                meta.add(Field.of(labels.get(Label.META_VALID_TILL), format.date(((Estimate) d).dateValidTill())));
            } else if (d.dateDue() != null && d.type() != DocumentType.DELIVERY_NOTE) {
                meta.add(Field.of(labels.get(Label.META_DUE_DATE), format.date(d.dateDue())));
            }
            for (DocumentRelation relation : d.documentRelations()) {
                if (relation.relationType() == RelationType.CREDIT_FOR && relation.targetNumber() != null) {
                    meta.add(Field.of(labels.get(Label.META_CREDIT_FOR), relation.targetNumber()));
                }
            }
            if (blankToNull(d.reference()) != null) {
                meta.add(Field.of(labels.get(Label.META_REFERENCE), d.reference()));
            }
            TradeView.meta(d, labels, format, meta);
            if (!currency.getCurrencyCode().equals(entity.currencyCode())) {
                meta.add(Field.of(labels.get(Label.META_CURRENCY), currency.getCurrencyCode()));
            }
            return meta;
        }

        PartyBlock party(String heading, Party p) {
            List<String> lines = new ArrayList<>();
            addIfPresent(lines, p.address());
            addIfPresent(lines, p.address2());
            String cityLine = join(" ", p.postCode(), p.city());
            addIfPresent(lines, cityLine);
            addIfPresent(lines, p.state());
            addIfPresent(lines, p.country());
            if (blankToNull(p.taxNumber()) != null) {
                lines.add(labels.get(Label.PARTY_TAX_NUMBER) + ": " + p.taxNumber());
            }
            if (blankToNull(p.companyNumber()) != null) {
                lines.add(labels.get(Label.PARTY_COMPANY_NUMBER) + ": " + p.companyNumber());
            }
            for (PartyIdentifier id : p.identifiers()) {
                // BT-29 / BT-46 with the ISO/IEC 6523 scheme code it is issued under (0088 GLN ...), if any.
                if (id != null && blankToNull(id.id()) != null) {
                    lines.add(labels.get(Label.PARTY_IDENTIFIER) + ": " + id.id()
                            + (blankToNull(id.scheme()) == null ? "" : " (" + id.scheme() + ")"));
                }
            }
            List<String> contacts = new ArrayList<>();
            addIfPresent(contacts, p.email());
            addIfPresent(contacts, p.phone());
            addIfPresent(contacts, p.website());
            if (!contacts.isEmpty()) {
                lines.add(oneLine(contacts));
            }
            return new PartyBlock(heading, p.name() == null ? "" : p.name(), List.copyOf(lines));
        }

        List<Column> columns() {
            List<Column> columns = new ArrayList<>();
            columns.add(new Column(ColumnKind.ITEM, labels.get(Label.ITEM_ITEM), false, hidePrices ? 6f : 3.6f));
            columns.add(new Column(ColumnKind.QUANTITY, labels.get(Label.ITEM_QUANTITY), true, 1.35f));
            columns.add(new Column(ColumnKind.UNIT, labels.get(Label.ITEM_UNIT), false, 1.05f));
            if (hidePrices) {
                return List.copyOf(columns);
            }
            columns.add(new Column(ColumnKind.PRICE, labels.get(Label.ITEM_PRICE), true, 1.5f));
            if (d.items().stream().anyMatch(i -> !i.discounts().isEmpty())) {
                columns.add(new Column(ColumnKind.DISCOUNT, labels.get(Label.ITEM_DISCOUNT), true, 1.1f));
            }
            if (d.items().stream().anyMatch(i -> !i.taxes().isEmpty())) {
                columns.add(new Column(ColumnKind.TAX, labels.get(Label.ITEM_TAX_RATE), true, 0.9f));
            }
            columns.add(new Column(ColumnKind.AMOUNT, labels.get(Label.ITEM_AMOUNT), true, 1.6f));
            return List.copyOf(columns);
        }

        List<Row> rows(List<Column> columns) {
            List<Row> rows = new ArrayList<>(d.items().size());
            for (LineItem item : d.items()) {
                if (item.isSeparator()) {
                    rows.add(new Row(List.of(item.name() == null ? "" : item.name()), blankToNull(item.description()), true));
                    continue;
                }
                List<String> cells = new ArrayList<>(columns.size());
                for (Column column : columns) {
                    cells.add(cell(item, column.kind()));
                }
                rows.add(new Row(List.copyOf(cells),
                        withCharges(LineDetailText.of(item, labels, format, this::amount, hidePrices), item), false));
            }
            return List.copyOf(rows);
        }

        /** A line's charges (BG-28), one line under its description: "Charge: Packing 12.00, Rush 15 % 20.25". */
        private String withCharges(String description, LineItem item) {
            if (item.charges().isEmpty() || hidePrices) {
                return description;
            }
            List<String> parts = new ArrayList<>(item.charges().size());
            for (AllowanceCharge c : item.charges()) {
                parts.add(allowanceChargeText(c, null) + (c.amount() == null ? "" : " " + amount(c.amount())));
            }
            String text = labels.get(Label.TOTALS_CHARGE) + ": " + String.join(", ", parts);
            return description == null ? text : description + "\n" + text;
        }

        /** The reason (or the fallback label) and the percent of an allowance or charge. */
        private String allowanceChargeText(AllowanceCharge e, Label fallback) {
            String reason = blankToNull(e.reason());
            String text = reason != null ? reason : fallback != null ? labels.get(fallback) : "";
            if (e.percent() != null) {
                text = (text.isEmpty() ? "" : text + " ") + format.percent(e.percent());
            }
            return text.isEmpty() ? labels.get(Label.TOTALS_CHARGE) : text;
        }

        private String cell(LineItem item, ColumnKind kind) {
            switch (kind) {
                case ITEM:
                    return item.name() == null ? "" : item.name();
                case QUANTITY:
                    return item.quantity() == null ? "" : format.number(item.quantity());
                case UNIT:
                    return item.unit() == null ? "" : item.unit();
                case PRICE:
                    BigDecimal price = item.isGrossPriced() ? item.grossPrice() : item.price();
                    return price == null ? "" : amount(price);
                case DISCOUNT:
                    List<String> discounts = new ArrayList<>();
                    for (Discount discount : item.discounts()) {
                        discounts.add(discount.type() == DiscountType.AMOUNT
                                ? amount(discount.value()) : format.percent(discount.value()));
                    }
                    return String.join(" + ", discounts);
                case TAX:
                    List<String> rates = new ArrayList<>();
                    for (LineTax tax : item.taxes()) {
                        if (tax.rate() != null) {
                            rates.add(format.percent(tax.rate()));
                        }
                    }
                    return String.join(", ", rates);
                case AMOUNT:
                default:
                    BigDecimal total = item.isGrossPriced() && item.totalWithTax() != null ? item.totalWithTax() : item.total();
                    return total == null ? "" : amount(total);
            }
        }

        List<TaxRow> taxRows() {
            if (hidePrices) {
                return List.of();
            }
            List<TaxRow> rows = new ArrayList<>();
            for (TaxSummary tax : d.taxes()) {
                String name = taxName(tax.name())
                        + (tax.rate() == null ? "" : " " + format.percent(tax.rate()))
                        + (tax.isReverseCharge() ? " (" + labels.get(Label.TEXT_REVERSE_CHARGE) + ")"
                                : LineDetailText.category(tax.category()));
                rows.add(new TaxRow(name, tax.base() == null ? "" : amount(tax.base()),
                        tax.amount() == null ? "" : amount(tax.amount())));
            }
            return List.copyOf(rows);
        }

        /** The engine's default tax name ("VAT") is shown in the label language. */
        private String taxName(String name) {
            return name == null || CalculationEngine.DEFAULT_TAX_NAME.equals(name) ? labels.get(Label.ITEM_TAX_RATE) : name;
        }

        List<Field> totals() {
            if (hidePrices) {
                return List.of();
            }
            List<Field> totals = new ArrayList<>();
            if (d.totalDiscount() != null && d.totalDiscount().signum() != 0) {
                totals.add(Field.of(labels.get(Label.TOTALS_DISCOUNT), money(d.totalDiscount())));
            }
            // Document allowances and charges (BG-20, BG-21) come off or on before the net total they make (BT-109).
            for (AllowanceCharge a : d.allowances()) {
                if (a.amount() != null) {
                    totals.add(Field.of(allowanceChargeText(a, Label.TOTALS_ALLOWANCE), money(a.amount().negate())));
                }
            }
            for (AllowanceCharge c : d.charges()) {
                if (c.amount() != null) {
                    totals.add(Field.of(allowanceChargeText(c, Label.TOTALS_CHARGE), money(c.amount())));
                }
            }
            if (d.total() != null) {
                totals.add(Field.of(labels.get(Label.TOTALS_TOTAL), money(d.total())));
            }
            if (!d.taxes().isEmpty()) {
                BigDecimal taxSum = BigDecimal.ZERO;
                for (TaxSummary tax : d.taxes()) {
                    if (tax.amount() != null) {
                        taxSum = taxSum.add(tax.amount());
                    }
                }
                totals.add(Field.of(labels.get(Label.TOTALS_TAX_AMOUNT), money(taxSum)));
            }
            if (d.roundingCorrection() != null && d.roundingCorrection().signum() != 0) {
                totals.add(Field.of(labels.get(Label.TOTALS_ROUNDING), money(d.roundingCorrection())));
            }
            if (d.totalWithTax() != null) {
                totals.add(new Field(labels.get(Label.TOTALS_TOTAL_WITH_TAX), money(d.totalWithTax()), true));
            }
            if (d.totalPaid() != null && d.totalPaid().signum() != 0) {
                totals.add(Field.of(labels.get(Label.TOTALS_PAID), money(d.totalPaid())));
                if (d.totalDue() != null) {
                    totals.add(new Field(Boolean.TRUE.equals(d.paidInFull()) ? labels.get(Label.TOTALS_PAID_IN_FULL)
                            : labels.get(Label.TOTALS_DUE), money(d.totalDue()), true));
                }
            }
            return List.copyOf(totals);
        }

        String convertedHeading() {
            if (hidePrices || d.exchangeRate() == null || d.totalConverted() == null) {
                return null;
            }
            return labels.get(Label.TOTALS_CONVERTED) + " (" + quoteCurrency().getCurrencyCode() + ")";
        }

        private Currency quoteCurrency() {
            return (d.exchangeRate().quote() != null ? d.exchangeRate().quote() : entity.currency()).currency();
        }

        List<Field> converted() {
            if (convertedHeading() == null) {
                return List.of();
            }
            Currency quote = quoteCurrency();
            List<Field> fields = new ArrayList<>();
            fields.add(Field.of(labels.get(Label.TOTALS_EXCHANGE_RATE), "1 " + currency.getCurrencyCode() + " = "
                    + format.number(d.exchangeRate().rate()) + " " + quote.getCurrencyCode()));
            fields.add(Field.of(labels.get(Label.TOTALS_TOTAL), format.money(d.totalConverted(), quote)));
            for (TaxSummary tax : d.taxes()) {
                if (tax.amountConverted() != null) {
                    fields.add(Field.of(taxName(tax.name())
                            + (tax.rate() == null ? "" : " " + format.percent(tax.rate())),
                            format.money(tax.amountConverted(), quote)));
                }
            }
            if (d.totalWithTaxConverted() != null) {
                fields.add(new Field(labels.get(Label.TOTALS_TOTAL_WITH_TAX), format.money(d.totalWithTaxConverted(), quote), true));
            }
            return List.copyOf(fields);
        }

        List<TextBlock> texts() {
            List<TextBlock> texts = new ArrayList<>();
            if (blankToNull(d.taxClause()) != null) {
                boolean reverse = d.taxes().stream().anyMatch(TaxSummary::isReverseCharge)
                        || d.items().stream().flatMap(i -> i.taxes().stream()).anyMatch(LineTax::isReverseCharge);
                texts.add(new TextBlock(reverse ? labels.get(Label.TEXT_REVERSE_CHARGE) : null, d.taxClause()));
            }
            if (blankToNull(d.note()) != null) {
                texts.add(new TextBlock(labels.get(Label.TEXT_NOTE), d.note()));
            }
            TradeView.texts(d, labels, texts);
            if (blankToNull(d.paymentTerms()) != null) {
                texts.add(new TextBlock(labels.get(Label.TEXT_PAYMENT_TERMS), d.paymentTerms()));
            }
            return List.copyOf(texts);
        }

        List<Field> bank() {
            BankAccount account = entity.defaultBankAccount();
            boolean payable = d.type().isPayable() || d.type() == DocumentType.ESTIMATE;
            if (account == null || !payable || blankToNull(account.iban()) == null) {
                return List.of();
            }
            List<Field> fields = new ArrayList<>();
            fields.add(Field.of(labels.get(Label.PAY_IBAN), groupIban(account.iban())));
            if (blankToNull(account.bic()) != null) {
                fields.add(Field.of(labels.get(Label.PAY_BIC), account.bic()));
            }
            if (blankToNull(account.bankName()) != null) {
                fields.add(Field.of(labels.get(Label.PAY_BANK), account.bankName()));
            }
            String reference = PaymentCodes.paymentReference(d);
            if (reference != null) {
                fields.add(Field.of(labels.get(Label.PAY_REFERENCE), reference.substring(0, 4) + " " + reference.substring(4)));
            }
            return List.copyOf(fields);
        }

        List<Field> fiscal() {
            List<Field> fields = new ArrayList<>();
            FursData furs = d.furs();
            if (furs != null && (furs.zoi() != null || furs.eor() != null)) {
                addFiscalTime(fields, furs.issuedAt(), LJUBLJANA);
                addField(fields, labels.get(Label.FISCAL_OPERATOR), furs.operatorTaxNumber());
                addField(fields, "ZOI", furs.zoi());
                addField(fields, "EOR", furs.eor());
            }
            FinaData fina = d.fina();
            if (fina != null && (fina.zki() != null || fina.jir() != null)) {
                addFiscalTime(fields, fina.issuedAt(), ZAGREB);
                addField(fields, labels.get(Label.FISCAL_OPERATOR), fina.operatorOib());
                addField(fields, "ZKI", fina.zki());
                addField(fields, "JIR", fina.jir());
            }
            return List.copyOf(fields);
        }

        Barcode fiscalCode() {
            FursData furs = d.furs();
            if (furs == null || furs.barcode() == null) {
                return null;
            }
            try {
                return FursQr.of(furs.barcode());
            } catch (ValidationException e) {
                return null;
            }
        }

        private void addFiscalTime(List<Field> fields, Instant issuedAt, ZoneId zone) {
            if (issuedAt != null) {
                fields.add(Field.of(labels.get(Label.FISCAL_ISSUED_AT),
                        format.dateTime(LocalDateTime.ofInstant(issuedAt, zone))));
            }
        }

        private static void addField(List<Field> fields, String label, String value) {
            if (blankToNull(value) != null) {
                fields.add(Field.of(label, value));
            }
        }
    }

    /**
     * Lines joined into one, as the contact line of a party and the centred (classic) letterhead print them:
     * items separated by " · ", the spaces inside an item no-break spaces, so that the line wraps only
     * between items.
     */
    static String oneLine(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (out.length() > 0) {
                out.append("\u00a0\u00b7 ");
            }
            out.append(line.strip().replace(' ', '\u00a0'));
        }
        return out.toString();
    }

    static String groupIban(String iban) {
        String compact = iban.replace(" ", "");
        StringBuilder grouped = new StringBuilder(compact.length() + 8);
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append(' ');
            }
            grouped.append(compact.charAt(i));
        }
        return grouped.toString();
    }

    static String join(String separator, String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (blankToNull(part) != null) {
                if (out.length() > 0) {
                    out.append(separator);
                }
                out.append(part.strip());
            }
        }
        return out.toString();
    }

    private static void addIfPresent(List<String> lines, String line) {
        if (blankToNull(line) != null) {
            lines.add(line.strip());
        }
    }
}
