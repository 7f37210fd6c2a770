package eu.invoicing.rendering.internal;

import eu.invoicing.rendering.internal.DocumentView.Column;
import eu.invoicing.rendering.internal.DocumentView.Field;
import eu.invoicing.rendering.internal.DocumentView.PartyBlock;
import eu.invoicing.rendering.internal.DocumentView.Row;
import eu.invoicing.rendering.internal.DocumentView.TaxRow;
import eu.invoicing.rendering.internal.DocumentView.TextBlock;
import eu.invoicing.rendering.payment.Barcode;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link DocumentView} as one self-contained HTML page: inline CSS generated from the theme,
 * the logo as a data URI, barcodes as inline SVG. Every piece of document text goes through
 * {@link #esc}; markup never comes from data.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlBackend {
    private HtmlBackend() {
    }

    /**
     * @param v the layout model, not null
     * @return the complete HTML document
     */
    public static String write(DocumentView v) {
        Theme t = v.theme();
        StringBuilder h = new StringBuilder(16_384 + v.rows().size() * 400);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(esc(v.labels().language().code())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(v.title())).append(v.number() == null ? "" : " " + esc(v.number()))
                .append("</title>\n<style>\n").append(css(t)).append("</style>\n</head>\n<body class=\"t-")
                .append(t.template().wireName()).append("\">\n<div class=\"page\">\n");
        if (v.mark() != null) {
            h.append("<div class=\"watermark\">").append(esc(v.mark())).append("</div>\n");
        }
        header(h, v);
        parties(h, v);
        items(h, v);
        sums(h, v);
        closing(h, v);
        if (v.bank().isEmpty() && v.paymentCode() == null) {
            fiscal(h, v);
        } else {
            payment(h, v);
        }
        if (v.footer() != null) {
            h.append("<footer>").append(multiline(v.footer())).append("</footer>\n");
        }
        h.append("</div>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The texts and, beside them at the bottom right, the signature line (as in the PDF). */
    private static void closing(StringBuilder h, DocumentView v) {
        if (v.texts().isEmpty() && v.signature() == null) {
            return;
        }
        h.append("<div class=\"closing\">\n<div class=\"texts\">");
        for (TextBlock text : v.texts()) {
            h.append("<section class=\"text\">");
            if (text.heading() != null) {
                h.append("<h3>").append(esc(text.heading())).append("</h3>");
            }
            h.append("<p>").append(multiline(text.text())).append("</p></section>\n");
        }
        h.append("</div>\n");
        if (v.signature() != null) {
            h.append("<section class=\"signature\"><div class=\"sig-line\"></div><div class=\"sig-label\">")
                    .append(esc(v.labels().get(eu.invoicing.rendering.i18n.Label.TEXT_SIGNATURE))).append("</div><div class=\"sig-text\">")
                    .append(multiline(v.signature())).append("</div></section>\n");
        }
        h.append("</div>\n");
    }

    private static void header(StringBuilder h, DocumentView v) {
        Theme.HeaderStyle style = v.theme().headerStyle();
        h.append("<header class=\"head head-").append(style.name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\">\n");
        StringBuilder issuer = new StringBuilder();
        issuer.append("<div class=\"issuer\">");
        if (v.logo() != null) {
            issuer.append("<img class=\"logo\" alt=\"\" src=\"data:").append(esc(v.logoMediaType())).append(";base64,")
                    .append(Base64.getEncoder().encodeToString(v.logo())).append("\">");
        }
        issuer.append("<div class=\"issuer-name\">").append(esc(v.issuer().name())).append("</div>");
        List<String> lines = style == Theme.HeaderStyle.CENTERED ? List.of(ViewBuilder.oneLine(v.issuer().lines())) : v.issuer().lines();
        for (String line : lines) {
            issuer.append("<div class=\"line\">").append(esc(line)).append("</div>");
        }
        issuer.append("</div>");
        StringBuilder title = new StringBuilder();
        title.append("<div class=\"title-block\"><h1");
        if (v.titleSize() < v.theme().titleSize()) {
            // a long title word is set smaller, as in the PDF, rather than overflowing the page
            title.append(" style=\"font-size:").append(num(v.titleSize())).append("pt\"");
        }
        title.append('>').append(esc(v.title())).append("</h1>");
        if (v.number() != null) {
            title.append("<div class=\"number\">").append(esc(v.number())).append("</div>");
        }
        if (v.mark() != null) {
            title.append("<div class=\"badge\">").append(esc(v.mark())).append("</div>");
        }
        title.append("</div>");
        if (style == Theme.HeaderStyle.TITLE_FIRST) {
            h.append(title).append(issuer);
        } else {
            h.append(issuer).append(title);
        }
        h.append("\n</header>\n");
    }

    private static void parties(StringBuilder h, DocumentView v) {
        h.append("<section class=\"parties\">\n");
        h.append("<div class=\"customer\">");
        if (v.customer() != null) {
            PartyBlock c = v.customer();
            h.append("<h3>").append(esc(c.heading())).append("</h3><div class=\"party-name\">").append(esc(c.name())).append("</div>");
            for (String line : c.lines()) {
                h.append("<div class=\"line\">").append(esc(line)).append("</div>");
            }
        }
        h.append("</div>\n");
        fields(h, v.meta(), "kv meta");
        h.append("</section>\n");
    }

    private static void items(StringBuilder h, DocumentView v) {
        h.append("<table class=\"items\">\n<colgroup>");
        float sum = 0;
        for (Column column : v.columns()) {
            sum += column.weight();
        }
        for (Column column : v.columns()) {
            h.append("<col style=\"width:").append(num(100.0 * column.weight() / sum)).append("%\">");
        }
        h.append("</colgroup>\n<thead><tr>");
        for (Column column : v.columns()) {
            h.append("<th").append(column.numeric() ? " class=\"num\"" : "").append('>').append(esc(column.label())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Row row : v.rows()) {
            if (row.separator()) {
                h.append("<tr class=\"separator\"><td colspan=\"").append(v.columns().size()).append("\">")
                        .append(esc(row.cells().get(0)));
                if (row.description() != null) {
                    h.append("<div class=\"desc\">").append(multiline(row.description())).append("</div>");
                }
                h.append("</td></tr>\n");
                continue;
            }
            h.append("<tr>");
            for (int i = 0; i < row.cells().size(); i++) {
                Column column = v.columns().get(i);
                h.append("<td").append(column.numeric() ? " class=\"num\"" : "").append('>').append(esc(row.cells().get(i)));
                if (i == 0 && row.description() != null) {
                    h.append("<div class=\"desc\">").append(multiline(row.description())).append("</div>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void sums(StringBuilder h, DocumentView v) {
        if (v.taxRows().isEmpty() && v.totals().isEmpty()) {
            return;
        }
        h.append("<section class=\"sums\">\n<div class=\"tax-summary\">");
        if (!v.taxRows().isEmpty()) {
            h.append("<h3>").append(esc(v.labels().get(eu.invoicing.rendering.i18n.Label.TOTALS_TAX_SUMMARY)))
                    .append("</h3><table class=\"taxes\"><thead><tr><th>")
                    .append(esc(v.labels().get(eu.invoicing.rendering.i18n.Label.TOTALS_TAX_RATE))).append("</th><th class=\"num\">")
                    .append(esc(v.labels().get(eu.invoicing.rendering.i18n.Label.TOTALS_TAX_BASE))).append("</th><th class=\"num\">")
                    .append(esc(v.labels().get(eu.invoicing.rendering.i18n.Label.TOTALS_TAX_AMOUNT))).append("</th></tr></thead><tbody>");
            for (TaxRow row : v.taxRows()) {
                h.append("<tr><td>").append(esc(row.name())).append("</td><td class=\"num\">").append(esc(row.base()))
                        .append("</td><td class=\"num\">").append(esc(row.amount())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        if (v.convertedHeading() != null) {
            h.append("<h3>").append(esc(v.convertedHeading())).append("</h3>");
            fields(h, v.converted(), "kv converted");
        }
        h.append("</div>\n<table class=\"totals\"><tbody>");
        for (Field field : v.totals()) {
            h.append("<tr").append(field.strong() ? " class=\"strong\"" : "").append("><th>").append(esc(field.label()))
                    .append("</th><td class=\"num\">").append(esc(field.value())).append("</td></tr>");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    /** The fiscal block: heading, the FURS code (if any) and the fields; nothing when not fiscalized. */
    private static void fiscal(StringBuilder h, DocumentView v) {
        if (v.fiscal().isEmpty()) {
            return;
        }
        h.append("<section class=\"fiscal\"><h3>").append(esc(v.labels().get(eu.invoicing.rendering.i18n.Label.FISCAL_HEADING)))
                .append("</h3><div class=\"fiscal-body\">");
        if (v.fiscalCode() != null) {
            h.append(svg(v.fiscalCode(), moduleSize(v.fiscalCode()), "fiscal-code"));
        }
        fields(h, v.fiscal(), "kv fiscal-fields");
        h.append("</div></section>\n");
    }

    /** Payment details with the fiscal block below them, the payment code beside them, then the UPN slip. */
    private static void payment(StringBuilder h, DocumentView v) {
        DocumentView.PaymentCode code = v.paymentCode();
        h.append("<section class=\"payment\">\n<div class=\"bank\">");
        if (!v.bank().isEmpty()) {
            h.append("<h3>").append(esc(v.labels().get(eu.invoicing.rendering.i18n.Label.PAY_HEADING))).append("</h3>");
            fields(h, v.bank(), "kv");
        }
        fiscal(h, v);
        h.append("</div>\n");
        if (code != null && code.slip() == null) {
            h.append("<figure class=\"code\">").append(svg(code.barcode(), moduleSize(code.barcode()), "pay-code"))
                    .append("<figcaption>").append(esc(code.caption())).append("</figcaption></figure>\n");
        }
        h.append("</section>\n");
        if (code != null && code.slip() != null) {
            h.append("<section class=\"upn-slip\">\n<div class=\"slip-receipt\"><div class=\"slip-title\">UPN QR \u2013 potrdilo</div>");
            slipFields(h, code.slip().receipt());
            h.append("</div>\n<div class=\"slip-order\"><div class=\"slip-title\">UPN QR \u2013 univerzalni plačilni nalog</div><div class=\"slip-body\">")
                    .append(svg(code.barcode(), PdfBackend.SLIP_MODULE_MM, "pay-code"));
            h.append("<div class=\"slip-fields\">");
            slipFields(h, code.slip().order());
            h.append("</div></div></div>\n</section>\n");
        }
    }

    private static void slipFields(StringBuilder h, List<Field> fields) {
        for (Field field : fields) {
            h.append("<div class=\"slip-field").append(field.strong() ? " strong" : "").append("\"><span>")
                    .append(esc(field.label())).append("</span><b>").append(esc(field.value())).append("</b></div>");
        }
    }

    /** A CSS number: at most two decimals, no trailing zeros, never a float's binary noise (12.349999). */
    static String num(double value) {
        return BigDecimal.valueOf(Math.round(value * 100)).movePointLeft(2).stripTrailingZeros().toPlainString();
    }

    /** Millimetres per module: UPN QR about 38 mm wide, the FURS QR about 18 mm, PDF417 about 55 mm. */
    static float moduleSize(Barcode barcode) {
        if (barcode.symbology() == Barcode.Symbology.PDF417) {
            return 0.25f;
        }
        return barcode.width() > 40 ? 0.45f : 0.55f;
    }

    private static void fields(StringBuilder h, List<Field> fields, String cssClass) {
        if (fields.isEmpty()) {
            return;
        }
        h.append("<table class=\"").append(cssClass).append("\"><tbody>");
        for (Field field : fields) {
            h.append("<tr").append(field.strong() ? " class=\"strong\"" : "").append("><th>").append(esc(field.label()))
                    .append("</th><td>").append(esc(field.value())).append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    /** A barcode as inline SVG: one path of horizontal runs, {@code mm} millimetres per module. */
    static String svg(Barcode barcode, float mm, String cssClass) {
        int quiet = barcode.symbology().quietZone();
        int w = barcode.width() + 2 * quiet;
        int hgt = barcode.height() + 2 * quiet;
        StringBuilder path = new StringBuilder(barcode.width() * barcode.height() / 2);
        barcode.forEachDarkRun((y, x, length) -> path.append('M').append(x + quiet).append(' ').append(y + quiet)
                .append('h').append(length).append("v1h-").append(length).append('z'));
        float heightScale = barcode.symbology() == Barcode.Symbology.PDF417 ? 0.75f : 1f;
        // as in the PDF: white space beyond the quiet zone keeps text and rules clear of a QR code
        String margin = barcode.symbology() == Barcode.Symbology.QR_CODE
                ? " style=\"margin:" + num(PdfBackend.QR_MARGIN_MODULES * mm) + "mm\"" : "";
        return "<svg class=\"" + cssClass + "\"" + margin + " xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + hgt
                + "\" width=\"" + String.format(Locale.ROOT, "%.1f", w * mm) + "mm\" height=\""
                + String.format(Locale.ROOT, "%.1f", hgt * mm * heightScale) + "mm\" preserveAspectRatio=\"none\""
                + " shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + esc(barcode.symbology().name()) + "\">"
                + "<rect width=\"" + w + "\" height=\"" + hgt + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /**
     * Escapes text for HTML element content and double- or single-quoted attributes.
     *
     * @param text raw text, nullable
     * @return the escaped text; empty for null
     */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement;
            switch (c) {
                case '&': replacement = "&amp;"; break;
                case '<': replacement = "&lt;"; break;
                case '>': replacement = "&gt;"; break;
                case '"': replacement = "&quot;"; break;
                case '\'': replacement = "&#39;"; break;
                default: replacement = null;
            }
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String multiline(String text) {
        return esc(text.strip()).replace("\r\n", "\n").replace("\n", "<br>");
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }

    private static String css(Theme t) {
        String sans = "'Liberation Sans', Arial, Helvetica, sans-serif";
        String serif = "'Liberation Serif', 'Times New Roman', Times, serif";
        String body = t.serifBody() ? serif : sans;
        String heading = t.serifHeadings() ? serif : sans;
        String accent = hex(t.accent());
        String muted = hex(t.muted());
        String rule = hex(t.rule());
        String base = num(t.baseSize());
        String small = num(t.baseSize() * 0.8);
        String h3 = num(t.baseSize() * 0.85);
        String pad = num(t.padding());
        String margin = num(t.margin());
        StringBuilder c = new StringBuilder(4096);
        c.append("@page{size:A4;margin:0}\n")
         .append("*{box-sizing:border-box}\n")
         .append("html{background:#e9e9ec}body{margin:0;font-family:").append(body).append(";font-size:").append(base)
         .append("pt;color:").append(hex(t.text())).append(";line-height:1.35}\n")
         .append(".page{position:relative;width:210mm;min-height:297mm;margin:0 auto;padding:").append(margin)
         .append("mm;background:#fff;overflow:hidden}\n")
         .append("@media print{html{background:#fff}.page{margin:0}}\n")
         .append("h1,h3{font-family:").append(heading).append(";margin:0}\n")
         .append("h3{font-size:").append(h3).append("pt;color:").append(muted).append(";font-weight:bold;margin-bottom:1mm")
         .append(t.uppercaseHeadings() ? ";text-transform:uppercase;letter-spacing:.08em" : "").append("}\n")
         .append(".watermark{position:absolute;top:40%;left:0;right:0;text-align:center;font-size:110pt;font-weight:bold;")
         .append("color:rgba(200,30,30,.10);transform:rotate(-30deg);pointer-events:none;text-transform:uppercase;font-family:").append(sans).append("}\n")
         .append(".badge{display:inline-block;margin-top:2mm;padding:.6mm 2.5mm;border:1.2pt solid #c81e1e;color:#c81e1e;font-weight:bold;")
         .append("text-transform:uppercase;letter-spacing:.1em;font-size:").append(base).append("pt}\n")
         .append(".head{display:flex;justify-content:space-between;align-items:flex-start;gap:8mm;margin-bottom:7mm}\n")
         .append(".logo{display:block;max-height:18mm;max-width:60mm;margin-bottom:2mm}\n")
         .append(".issuer-name{font-weight:bold;font-size:").append(num(t.baseSize() * 1.25)).append("pt;font-family:").append(heading).append("}\n")
         .append(".issuer .line,.customer .line{color:").append(muted).append("}\n")
         .append(".title-block{text-align:right}\n")
         .append("h1{font-size:").append(num(t.titleSize())).append("pt;line-height:1.1;color:").append(accent)
         .append(t.titleUppercase() ? ";text-transform:uppercase;letter-spacing:" + num(Theme.TITLE_LETTER_SPACING_EM) + "em" : "").append("}\n")
         .append(".number{font-size:").append(num(t.baseSize() * 1.3)).append("pt;font-weight:bold;margin-top:1mm}\n")
         .append(".parties{display:flex;justify-content:space-between;align-items:flex-start;gap:10mm;margin-bottom:6mm}\n")
         .append(".customer{flex:1}.party-name{font-weight:bold;font-size:").append(num(t.baseSize() * 1.1)).append("pt}\n")
         // labels wrap between words, values never; neither is ever cut inside a word
         .append(".kv{border-collapse:collapse}.kv th{text-align:left;font-weight:normal;color:").append(muted)
         .append(";padding:.4mm 4mm .4mm 0;vertical-align:top}.kv td{padding:.4mm 0;text-align:right;font-weight:bold;vertical-align:top;white-space:nowrap}\n")
         .append(".meta{min-width:70mm}\n")
         .append("table.items{width:100%;border-collapse:collapse;table-layout:fixed;margin-bottom:6mm}\n")
         .append(".items th{text-align:left;padding:").append(pad).append("pt;font-weight:bold;overflow-wrap:normal;")
         .append(t.headerFill() == Theme.NONE ? "" : "background:" + hex(t.headerFill()) + ";")
         .append("color:").append(hex(t.headerText()));
        if (t.uppercaseHeadings()) {
            c.append(";text-transform:uppercase;letter-spacing:").append(num(Theme.HEADER_LETTER_SPACING_EM)).append("em;font-size:")
             .append(num(t.itemHeaderSize())).append("pt");
        }
        c.append(";border-bottom:").append(t.headerFill() == Theme.NONE ? "1pt solid " + accent : "0").append("}\n")
         .append(".items td{padding:").append(pad).append("pt;vertical-align:top;overflow-wrap:break-word;border-bottom:0.5pt solid ").append(rule).append("}\n")
         .append(".num{text-align:right!important}td.num{white-space:nowrap}\n")
         .append(".desc{color:").append(muted).append(";font-size:").append(num(t.baseSize() * 0.88)).append("pt;margin-top:.5mm}\n")
         .append(".separator td{font-weight:bold;padding-top:").append(num(t.padding() * 2)).append("pt;color:").append(accent).append("}\n")
         // the totals wrap below the tax summary, at the right, when both do not fit side by side (as in the PDF)
         .append(".sums{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:flex-start;gap:2mm 10mm;margin-bottom:3mm;page-break-inside:avoid}\n")
         .append(".tax-summary{flex:1}.taxes{border-collapse:collapse;width:100%;margin-bottom:3mm}\n")
         .append(".taxes th{text-align:left;font-weight:normal;color:").append(muted).append(";border-bottom:0.5pt solid ").append(rule)
         .append(";padding:.6mm 2mm .6mm 0;vertical-align:bottom}.taxes td{padding:.6mm 2mm .6mm 0}\n")
         .append(".totals{border-collapse:collapse;min-width:75mm;margin-left:auto}.totals th{text-align:left;font-weight:normal;white-space:nowrap;padding:")
         .append(num(t.padding() * 0.8)).append("pt ").append(num(t.padding() * 2)).append("pt}.totals td{padding:")
         .append(num(t.padding() * 0.8)).append("pt ").append(num(t.padding() * 2)).append("pt}\n")
         .append(".totals tr.strong th,.totals tr.strong td{font-weight:bold;font-size:").append(num(t.baseSize() * 1.25)).append("pt}\n")
         .append(".closing{display:flex;justify-content:space-between;align-items:flex-end;gap:6mm;margin-top:3mm;page-break-inside:avoid}")
         .append(".texts{flex:1}.text+.text{margin-top:3mm}.text p{margin:0}\n")
         .append(".payment{display:flex;justify-content:space-between;align-items:flex-start;gap:4mm;margin:4mm 0 0;padding-top:3mm;border-top:0.5pt solid ")
         .append(rule).append(";page-break-inside:avoid}\n")
         .append(".bank{flex:1}.bank .fiscal{margin-top:3mm}\n")
         .append(".code{margin:0;text-align:right}.code svg{display:block;margin-left:auto!important}.code figcaption{font-size:").append(small)
         .append("pt;color:").append(muted).append(";margin-top:0}\n")
         .append(".upn-slip{display:flex;border:0.8pt solid #333;margin:6mm 0;font-family:").append(sans).append(";font-size:7.5pt;page-break-inside:avoid}\n")
         .append(".slip-receipt{width:33%;padding:2mm;border-right:0.8pt dashed #333}.slip-order{flex:1;padding:2mm}\n")
         .append(".slip-title{font-weight:bold;margin-bottom:2.5mm}.slip-body{display:flex;gap:3mm;align-items:flex-start}.slip-fields{flex:1}\n")
         .append(".slip-field{border:0.5pt solid #999;padding:.6mm 1mm;margin-bottom:1mm}.slip-field span{display:block;font-size:6pt;color:#555}")
         .append(".slip-field.strong b{font-size:9pt}\n")
         .append(".fiscal{margin:4mm 0 0;font-size:").append(h3).append("pt;page-break-inside:avoid}.fiscal-body{display:flex;gap:0;align-items:center}")
         .append(".fiscal .kv td{text-align:left;font-family:'Liberation Mono',monospace;font-weight:normal}\n")
         .append(".signature{margin:8mm 0 0 auto;width:65mm;flex:none;text-align:center}.sig-line{border-top:0.8pt solid ")
         .append(hex(t.text())).append(";margin-bottom:1mm}.sig-label{color:").append(muted).append(";font-size:").append(h3).append("pt}\n")
         .append("footer{margin-top:8mm;padding-top:2mm;border-top:0.5pt solid ").append(rule).append(";text-align:center;color:").append(muted)
         .append(";font-size:").append(small).append("pt}\n");
        switch (t.template()) {
            case MODERN:
                c.append(".items tbody tr:nth-child(even) td{background:").append(hex(t.zebra())).append("}\n")
                 .append(".totals tr.strong th,.totals tr.strong td{background:").append(accent).append(";color:#fff}\n")
                 .append(".head{padding-bottom:5mm;border-bottom:2pt solid ").append(accent).append("}\n");
                break;
            case CLASSIC:
                c.append(".head-centered{flex-direction:column;align-items:center;text-align:center;gap:3mm;border-top:2.5pt double ")
                 .append(accent).append(";border-bottom:2.5pt double ").append(accent).append(";padding:4mm 0}\n")
                 .append(".head-centered .title-block{text-align:center}.head-centered .logo{margin:0 auto 2mm}\n")
                 .append(".items th,.items td{border:0.6pt solid ").append(rule).append("}\n")
                 .append(".totals tr.strong th,.totals tr.strong td{border-top:2.5pt double ").append(accent).append("}\n");
                break;
            case CONDENSED:
                c.append(".head{margin-bottom:4mm}.parties{margin-bottom:4mm}.page{line-height:1.2}\n")
                 .append(".items tbody tr:nth-child(even) td{background:").append(hex(t.zebra())).append("}\n")
                 .append(".meta{border:0.5pt solid ").append(rule).append("}.meta th,.meta td{padding:.5mm 2mm}\n")
                 .append(".totals tr.strong th,.totals tr.strong td{border-top:1pt solid ").append(accent).append(";color:").append(accent).append("}\n");
                break;
            case MINIMAL:
                c.append("h1{font-weight:normal;letter-spacing:-.01em}.head-title-first .title-block{text-align:left}")
                 .append(".head-title-first .issuer{text-align:right;font-size:").append(num(t.baseSize() * 0.9)).append("pt}\n")
                 .append(".head{margin-bottom:9mm}.parties{margin-bottom:8mm}\n")
                 .append(".items td{border-bottom:0.3pt solid ").append(rule).append("}\n")
                 .append(".totals tr.strong th,.totals tr.strong td{font-weight:normal;font-size:").append(num(t.baseSize() * 1.6)).append("pt;padding-top:3mm}\n");
                break;
            case FASHION:
                c.append(".head-band{margin:-").append(margin).append("mm -").append(margin).append("mm 8mm;padding:10mm ")
                 .append(margin).append("mm;background:").append(hex(t.band())).append(";color:#fff;align-items:center}\n")
                 .append(".head-band .line{color:#d9c9cf}.head-band h1{color:#fff;font-weight:normal}.head-band .number{color:#f3b6cc}\n")
                 .append(".head-band .badge{border-color:#fff;color:#fff}\n")
                 .append(".items tbody tr:nth-child(even) td{background:").append(hex(t.zebra())).append("}\n")
                 .append(".items th{border-bottom:1.5pt solid ").append(accent).append("}\n")
                 .append(".totals tr.strong th,.totals tr.strong td{color:").append(accent).append(";font-size:").append(num(t.baseSize() * 1.6))
                 .append("pt;font-family:").append(serif).append(";border-top:1.5pt solid ").append(accent).append("}\n");
                break;
            default:
                break;
        }
        return c.toString();
    }
}
