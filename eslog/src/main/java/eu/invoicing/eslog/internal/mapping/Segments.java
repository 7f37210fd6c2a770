package eu.invoicing.eslog.internal.mapping;

import eu.invoicing.eslog.internal.xml.CC107;
import eu.invoicing.eslog.internal.xml.CC108;
import eu.invoicing.eslog.internal.xml.CC241;
import eu.invoicing.eslog.internal.xml.CC243;
import eu.invoicing.eslog.internal.xml.CC506;
import eu.invoicing.eslog.internal.xml.CC507;
import eu.invoicing.eslog.internal.xml.CC516;
import eu.invoicing.eslog.internal.xml.SDtm;
import eu.invoicing.eslog.internal.xml.SFtx;
import eu.invoicing.eslog.internal.xml.SMoa;
import eu.invoicing.eslog.internal.xml.SRff;
import eu.invoicing.eslog.internal.xml.STax;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Small factories for the segments that recur everywhere (dates, texts, references, amounts,
 * taxes). Every factory leaves out what is absent, so no empty element is ever written.
 *
 * <p>Stateless and thread-safe.
 */
final class Segments {

    /** D_4440 holds at most 512 characters. */
    static final int TEXT_COMPONENT = 512;
    /** C_C108 holds at most five D_4440 components. */
    static final int TEXT_COMPONENTS = 5;

    private Segments() {
    }

    static SDtm dtm(String qualifier, LocalDate date) {
        SDtm s = new SDtm();
        s.dateTimePeriod = new CC507();
        s.dateTimePeriod.qualifier = qualifier;
        s.dateTimePeriod.date = date.toString();
        return s;
    }

    static SRff rff(String qualifier, String value) {
        SRff s = new SRff();
        s.reference = new CC506();
        s.reference.qualifier = qualifier;
        s.reference.identifier = value;
        return s;
    }

    static SMoa moa(String qualifier, String amount) {
        SMoa s = new SMoa();
        s.amount = new CC516();
        s.amount.qualifier = qualifier;
        s.amount.value = amount;
        return s;
    }

    static STax vat(VatCategory category, String rate) {
        STax s = new STax();
        s.functionQualifier = "7";
        s.type = new CC241();
        s.type.code = "VAT";
        if (category.hasRate() && rate != null) {
            s.detail = new CC243();
            s.detail.rate = rate;
        }
        s.categoryCode = category.code();
        return s;
    }

    /**
     * Free-text segments for a text of any length: five components of 512 characters per segment,
     * as many segments as needed.
     */
    static List<SFtx> ftx(String subject, String code, String text) {
        List<SFtx> out = new ArrayList<>();
        List<String> parts = TextChunks.split(TextChunks.clean(text), TEXT_COMPONENT);
        for (int i = 0; i < parts.size(); i += TEXT_COMPONENTS) {
            List<String> slice = parts.subList(i, Math.min(parts.size(), i + TEXT_COMPONENTS));
            out.add(ftxSegment(subject, i == 0 ? code : null, slice));
        }
        if (out.isEmpty() && code != null) {
            SFtx s = new SFtx();
            s.subject = subject;
            s.reference = new CC107();
            s.reference.code = code;
            out.add(s);
        }
        return out;
    }

    /** One free-text segment whose components are given position by position (null = absent). */
    static SFtx ftxSegment(String subject, String code, List<String> components) {
        SFtx s = new SFtx();
        s.subject = subject;
        if (code != null) {
            s.reference = new CC107();
            s.reference.code = code;
        }
        s.literal = new CC108();
        s.literal.text1 = at(components, 0);
        s.literal.text2 = at(components, 1);
        s.literal.text3 = at(components, 2);
        s.literal.text4 = at(components, 3);
        s.literal.text5 = at(components, 4);
        return s;
    }

    private static String at(List<String> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    static List<String> components(CC108 literal) {
        List<String> out = new ArrayList<>(TEXT_COMPONENTS);
        if (literal != null) {
            out.add(literal.text1);
            out.add(literal.text2);
            out.add(literal.text3);
            out.add(literal.text4);
            out.add(literal.text5);
        }
        return out;
    }
}
