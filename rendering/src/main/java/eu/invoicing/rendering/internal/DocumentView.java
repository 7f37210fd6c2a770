package eu.invoicing.rendering.internal;

import eu.invoicing.rendering.i18n.Labels;
import eu.invoicing.rendering.payment.Barcode;

import java.util.List;

/**
 * The layout model both backends draw: every text already translated, formatted and chosen for the
 * document's kind and state, and the sizes that depend on the text (the title's type size, the item
 * columns' widths). Strings are raw user text; escaping is the HTML backend's job.
 *
 * <p>Immutable and thread-safe.
 */
public record DocumentView(Theme theme, Labels labels, String title, float titleSize, String mark, String number,
                           List<Field> meta, PartyBlock issuer, PartyBlock customer, byte[] logo, String logoMediaType,
                           List<Column> columns, List<Row> rows, List<TaxRow> taxRows, List<Field> totals,
                           String convertedHeading, List<Field> converted, List<TextBlock> texts, List<Field> bank,
                           List<Field> fiscal, Barcode fiscalCode, PaymentCode paymentCode, String signature,
                           String footer) {

    /** A label and its value; {@code strong} marks the grand total. */
    public record Field(String label, String value, boolean strong) {
        static Field of(String label, String value) {
            return new Field(label, value, false);
        }
    }

    /** A party's name and the lines below it. */
    public record PartyBlock(String heading, String name, List<String> lines) {
    }

    /** What an item-table column holds. */
    public enum ColumnKind { ITEM, QUANTITY, UNIT, PRICE, DISCOUNT, TAX, AMOUNT }

    /**
     * An item-table column: header text, numeric alignment and width ({@link ViewBuilder} sets it in points
     * of the page's content width, wide enough for the header's words and the column's values; backends
     * read it as a relative width).
     */
    public record Column(ColumnKind kind, String label, boolean numeric, float weight) {
    }

    /** One table row: a cell per column, or a separator heading spanning the table. */
    public record Row(List<String> cells, String description, boolean separator) {
    }

    /** One line of the tax summary. */
    public record TaxRow(String name, String base, String amount) {
    }

    /** A heading and free text (note, payment terms, tax clause). */
    public record TextBlock(String heading, String text) {
    }

    /** A payment code to print, with its caption; {@code slip} is set for the full UPN slip. */
    public record PaymentCode(Barcode barcode, String caption, UpnSlip slip) {
    }

    /** The fields of the UPN payment slip (fixed Slovenian form labels). */
    public record UpnSlip(List<Field> receipt, List<Field> order) {
    }
}
