package eu.invoicing.export.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The fixed parts of a one-sheet XLSX package (SpreadsheetML, ECMA-376 / ISO 29500 transitional),
 * written into an {@link XmlByteBuffer}: content types, relationships, workbook, styles and the two
 * document property parts. {@link XlsxTableWriter} streams the sheet and the shared-string table
 * itself.
 *
 * <p>The style sheet is the same for every workbook: cell style {@value #BOLD} is the bold header,
 * {@value #DATE} the date format {@value XlsxTableWriter#DATE_FORMAT}, {@value #TIMESTAMP} the
 * date-time format {@value XlsxTableWriter#TIMESTAMP_FORMAT}, and {@code NUMBER + scale} the number
 * format {@code #,##0} with {@code scale} decimals (0..{@value #MAX_SCALE}).
 *
 * <p>Stateless and thread-safe.
 */
final class XlsxParts {

    static final String CONTENT_TYPES_PART = "[Content_Types].xml";
    static final String ROOT_RELS_PART = "_rels/.rels";
    static final String APP_PART = "docProps/app.xml";
    static final String WORKBOOK_PART = "xl/workbook.xml";
    static final String WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels";
    static final String STYLES_PART = "xl/styles.xml";
    static final String SHARED_STRINGS_PART = "xl/sharedStrings.xml";

    /** Cell style of the header row. */
    static final int BOLD = 1;
    /** Cell style of dates. */
    static final int DATE = 2;
    /** Cell style of timestamps. */
    static final int TIMESTAMP = 3;
    /** Cell style of numbers without decimals; {@code NUMBER + scale} for numbers with {@code scale} decimals. */
    static final int NUMBER = 4;
    /** Most decimals a number format shows. */
    static final int MAX_SCALE = 10;

    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    /** Characters a sheet name cannot hold; each becomes {@code -}. */
    private static final String SHEET_NAME_FORBIDDEN = "/\\?*[]:";
    /** Longest sheet name Excel accepts. */
    private static final int MAX_SHEET_NAME = 31;

    private XlsxParts() {
    }

    /**
     * @param name the wanted sheet name, not null
     * @return the name Excel accepts: {@code / \ ? * [ ] :} replaced by {@code -}, cut to 31 characters
     *     (what fastexcel did, so the names stay as they were)
     */
    static String sheetName(String name) {
        StringBuilder valid = new StringBuilder(name.length());
        for (int i = 0; i < name.length() && valid.length() < MAX_SHEET_NAME; i++) {
            char c = name.charAt(i);
            valid.append(SHEET_NAME_FORBIDDEN.indexOf(c) >= 0 ? '-' : c);
        }
        return valid.toString();
    }

    static void contentTypes(XmlByteBuffer out) throws IOException {
        out.ascii(XML_DECLARATION).ascii("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/" + WORKBOOK_PART + "\" ContentType=\"" + TYPE + "sheet.main+xml\"/>"
                + "<Override PartName=\"/" + XlsxTableWriter.SHEET_PART + "\" ContentType=\"" + TYPE + "worksheet+xml\"/>"
                + "<Override PartName=\"/" + STYLES_PART + "\" ContentType=\"" + TYPE + "styles+xml\"/>"
                + "<Override PartName=\"/" + SHARED_STRINGS_PART + "\" ContentType=\"" + TYPE + "sharedStrings+xml\"/>"
                + "<Override PartName=\"/" + XlsxTableWriter.CORE_PART
                + "\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                + "<Override PartName=\"/" + APP_PART
                + "\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
                + "</Types>");
    }

    static void rootRelationships(XmlByteBuffer out) throws IOException {
        out.ascii(XML_DECLARATION).ascii("<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS_NS + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS_NS + "/officeDocument\" Target=\"" + WORKBOOK_PART + "\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                + "core-properties\" Target=\"" + XlsxTableWriter.CORE_PART + "\"/>"
                + "<Relationship Id=\"rId3\" Type=\"" + RELATIONSHIPS_NS + "/extended-properties\" Target=\"" + APP_PART + "\"/>"
                + "</Relationships>");
    }

    static void app(XmlByteBuffer out, String application) throws IOException {
        out.ascii(XML_DECLARATION)
                .ascii("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                        + "<Application>").text(application).ascii("</Application><AppVersion>1.0</AppVersion></Properties>");
    }

    /** The document properties: the creator and the creation time (UTC, whole seconds). */
    static void core(XmlByteBuffer out, String application, Instant created) throws IOException {
        out.ascii(XML_DECLARATION).ascii("<cp:coreProperties"
                + " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>").text(application)
                .ascii("</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">")
                .ascii(DateTimeFormatter.ISO_INSTANT.format(created)).ascii("</dcterms:created></cp:coreProperties>");
    }

    /**
     * The workbook: its one sheet and, for the header's auto-filter, the hidden
     * {@code _xlnm._FilterDatabase} name Excel itself defines for it.
     *
     * @param filterRange the header row's range without sheet, e.g. {@code $A$1:$BL$1}, or null for no filter
     */
    static void workbook(XmlByteBuffer out, String sheetName, String filterRange) throws IOException {
        out.ascii(XML_DECLARATION).ascii("<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + RELATIONSHIPS_NS + "\">"
                + "<workbookPr date1904=\"false\"/><bookViews><workbookView activeTab=\"0\"/></bookViews>"
                + "<sheets><sheet name=\"").text(sheetName).ascii("\" sheetId=\"1\" r:id=\"rId1\"/></sheets>");
        if (filterRange != null) {
            out.ascii("<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'")
                    .text(sheetName.replace("'", "''")).ascii("'!").ascii(filterRange).ascii("</definedName></definedNames>");
        }
        out.ascii("</workbook>");
    }

    static void workbookRelationships(XmlByteBuffer out) throws IOException {
        out.ascii(XML_DECLARATION).ascii("<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS_NS + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS_NS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + RELATIONSHIPS_NS + "/styles\" Target=\"styles.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"" + RELATIONSHIPS_NS + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>");
    }

    /** The style sheet described in the class comment. */
    static void styles(XmlByteBuffer out) throws IOException {
        out.ascii(XML_DECLARATION).ascii("<styleSheet xmlns=\"" + MAIN_NS + "\">");
        int firstCustom = 164;
        out.ascii("<numFmts count=\"").digits(MAX_SCALE + 3).ascii("\">");
        numFmt(out, firstCustom, XlsxTableWriter.DATE_FORMAT);
        numFmt(out, firstCustom + 1, XlsxTableWriter.TIMESTAMP_FORMAT);
        for (int scale = 0; scale <= MAX_SCALE; scale++) {
            numFmt(out, firstCustom + 2 + scale, XlsxTableWriter.numberFormat(scale));
        }
        out.ascii("</numFmts><fonts count=\"2\">"
                + "<font><sz val=\"11\"/><color rgb=\"FF000000\"/><name val=\"Calibri\"/></font>"
                + "<font><b/><sz val=\"11\"/><color rgb=\"FF000000\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        out.ascii("<cellXfs count=\"").digits(NUMBER + MAX_SCALE + 1).ascii("\">")
                .ascii("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>")
                .ascii("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>");
        for (int format = 0; format < MAX_SCALE + 3; format++) {
            out.ascii("<xf numFmtId=\"").digits(firstCustom + format)
                    .ascii("\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>");
        }
        out.ascii("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                + "</styleSheet>");
    }

    private static void numFmt(XmlByteBuffer out, int id, String code) throws IOException {
        out.ascii("<numFmt numFmtId=\"").digits(id).ascii("\" formatCode=\"").text(code).ascii("\"/>");
    }
}
