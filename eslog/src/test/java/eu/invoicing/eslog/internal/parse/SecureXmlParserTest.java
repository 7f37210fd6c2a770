package eu.invoicing.eslog.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.eslog.EslogReadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

class SecureXmlParserTest {

    private static void parse(String xml) {
        SecureXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new DefaultHandler(),
                SecureXmlParser.DEFAULT_MAX_TEXT_CHARS);
    }

    @Test
    void parse_externalEntity_refusedWithoutReadingFile(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]><Invoice xmlns=\"urn:eslog:2.00\">&xxe;</Invoice>";
        StringBuilder seen = new StringBuilder();
        assertThatThrownBy(() -> SecureXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                new DefaultHandler() {
                    @Override
                    public void characters(char[] ch, int start, int length) {
                        seen.append(ch, start, length);
                    }
                }, 1000))
                .isInstanceOf(EslogReadException.class)
                .hasMessageContaining("DOCTYPE declaration is not allowed");
        assertThat(seen.toString()).doesNotContain("TOP-SECRET");
    }

    @Test
    void parse_externalDtd_refused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Invoice SYSTEM \"http://attacker.invalid/x.dtd\">"
                + "<Invoice xmlns=\"urn:eslog:2.00\"/>";
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(EslogReadException.class)
                .hasMessageContaining("DOCTYPE declaration is not allowed");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse_billionLaughs_refused() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [" + dtd + "]><Invoice>&lol9;</Invoice>";
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(EslogReadException.class)
                .hasMessageContaining("DOCTYPE declaration is not allowed");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse_fiftyMegabyteTextNode_refusedAtLimit() {
        int[] delivered = new int[1];
        assertThatThrownBy(() -> SecureXmlParser.parse(hugeTextNode(50 * 1024 * 1024), new DefaultHandler() {
            @Override
            public void characters(char[] ch, int start, int length) {
                delivered[0] += length;
            }
        }, SecureXmlParser.DEFAULT_MAX_TEXT_CHARS))
                .isInstanceOf(EslogReadException.class)
                .hasMessageContaining("exceeds the limit of 1048576 characters")
                .hasMessageContaining("D_4440");
        assertThat(delivered[0]).isLessThanOrEqualTo(SecureXmlParser.DEFAULT_MAX_TEXT_CHARS);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse_fiftyMegabyteCdata_refusedAtLimit() {
        byte[] head = "<Invoice xmlns=\"urn:eslog:2.00\"><D_4440><![CDATA[".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "]]></D_4440></Invoice>".getBytes(StandardCharsets.US_ASCII);
        InputStream in = new RepeatingStream(head, (byte) 'x', 50L * 1024 * 1024, tail);
        assertThatThrownBy(() -> SecureXmlParser.parse(in, new DefaultHandler(), 4096))
                .isInstanceOf(EslogReadException.class)
                .hasMessageContaining("exceeds the limit of 4096 characters");
    }

    @Test
    void parse_malformed_lineAndColumnInMessage() {
        assertThatThrownBy(() -> parse("<Invoice><a></Invoice>")).isInstanceOf(EslogReadException.class)
                .hasMessageContaining("not well-formed").hasMessageContaining("line 1");
    }

    @Test
    void parse_textBelowLimitSplitAcrossElements_accepted() {
        StringBuilder xml = new StringBuilder("<r>");
        for (int i = 0; i < 100; i++) {
            xml.append("<t>").append("a".repeat(900)).append("</t>");
        }
        xml.append("</r>");
        int[] elements = new int[1];
        SecureXmlParser.parse(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)),
                new DefaultHandler() {
                    @Override
                    public void startElement(String uri, String localName, String qName, Attributes attributes) {
                        elements[0]++;
                    }
                }, 1000);
        assertThat(elements[0]).isEqualTo(101);
    }

    // ------------------------------------------------------------------ every construct is capped

    private static final long TWO_HUNDRED_MB = 200L * 1024 * 1024;
    /** A refusal must come after reading about the limit (1 Mi characters), not the 200 MB. */
    private static final long READ_AT_MOST = 8L * 1024 * 1024;
    /** No message quotes more than a short prefix of the input. */
    private static final int MESSAGE_AT_MOST = 300;

    static RepeatingStream ascii(String head, char fill, long size, String tail) {
        return new RepeatingStream(head.getBytes(StandardCharsets.UTF_8), (byte) fill, size,
                tail.getBytes(StandardCharsets.UTF_8));
    }

    private static EslogReadException refusal(InputStream in, XmlLimits limits) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> SecureXmlParser.parse(in, new DefaultHandler(), limits));
        assertThat(t).isInstanceOf(EslogReadException.class);
        EslogReadException e = (EslogReadException) t;
        assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(MESSAGE_AT_MOST);
        return e;
    }

    private static EslogReadException refusal(RepeatingStream in) {
        EslogReadException e = refusal(in, XmlLimits.defaults());
        assertThat(in.consumed()).as("bytes read before the refusal").isLessThan(READ_AT_MOST);
        return e;
    }

    @Test
    void parse_twoHundredMegabyteComment_refusedAfterAboutTheLimit() {
        EslogReadException e = refusal(ascii("<Invoice xmlns=\"urn:eslog:2.00\">\n<!--", 'a', TWO_HUNDRED_MB,
                "--></Invoice>"));

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.COMMENT_TOO_LONG);
        assertThat(e).hasMessage("XML refused: a comment starting on line 2 exceeds the limit of 1048576 characters");
    }

    @Test
    void parse_twoHundredMegabyteAttributeValue_refusedAfterAboutTheLimit() {
        EslogReadException e = refusal(ascii("<Invoice xmlns=\"urn:eslog:2.00\"><M_INVOIC Id=\"", 'a', TWO_HUNDRED_MB,
                "\"/></Invoice>"));

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.ATTRIBUTE_TOO_LONG);
        assertThat(e).hasMessageContaining("an attribute value").hasMessageContaining("limit of 1048576 characters");
    }

    @Test
    void parse_twoHundredMegabyteProcessingInstruction_refusedAfterAboutTheLimit() {
        EslogReadException e = refusal(ascii("<Invoice xmlns=\"urn:eslog:2.00\"><?target ", 'a', TWO_HUNDRED_MB,
                "?></Invoice>"));

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.PROCESSING_INSTRUCTION_TOO_LONG);
        assertThat(e).hasMessageContaining("a processing instruction");
    }

    @Test
    void parse_twoHundredMegabytesOfClosingCharacters_refusedAfterAboutTheLimit() {
        // '?' after '?' and ']' after ']' are content until a '>' follows: they must count too
        assertThat(refusal(ascii("<Invoice xmlns=\"urn:eslog:2.00\"><?target ", '?', TWO_HUNDRED_MB, "?></Invoice>"))
                .reason()).isEqualTo(EslogReadException.Reason.PROCESSING_INSTRUCTION_TOO_LONG);
        assertThat(refusal(ascii("<Invoice xmlns=\"urn:eslog:2.00\"><D_4440><![CDATA[", ']', TWO_HUNDRED_MB,
                "]]></D_4440></Invoice>")).reason()).isEqualTo(EslogReadException.Reason.TEXT_TOO_LONG);
    }

    @Test
    void parse_twoHundredMegabyteCdata_refusedAfterAboutTheLimit() {
        EslogReadException e = refusal(ascii("<Invoice xmlns=\"urn:eslog:2.00\"><D_4440><![CDATA[", 'a',
                TWO_HUNDRED_MB, "]]></D_4440></Invoice>"));

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.TEXT_TOO_LONG);
    }

    @Test
    void parse_twoHundredMegabytesOfSpaceInATag_refusedAfterAboutTheLimit() {
        EslogReadException e = refusal(ascii("<Invoice xmlns=\"urn:eslog:2.00\"", ' ', TWO_HUNDRED_MB, "/>"));

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.TAG_TOO_LONG);
    }

    @Test
    void parse_twoHundredMegabyteCommentInUtf16_refusedAfterAboutTheLimit() {
        byte[] head = "\uFEFF<Invoice xmlns=\"urn:eslog:2.00\"><!--".getBytes(StandardCharsets.UTF_16LE);
        byte[] tail = "--></Invoice>".getBytes(StandardCharsets.UTF_16LE);
        RepeatingStream in = new RepeatingStream(head, "a".getBytes(StandardCharsets.UTF_16LE), TWO_HUNDRED_MB, tail);

        EslogReadException e = refusal(in);

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.COMMENT_TOO_LONG);
    }

    @Test
    void parse_commentOfMultiByteCharactersBelowTheLimit_accepted() {
        // 1,000 'č' are 2,000 UTF-8 bytes: the limit counts characters, not bytes
        String xml = "<Invoice xmlns=\"urn:eslog:2.00\"><!--" + "č".repeat(1000) + "--><a x=\"" + "ž".repeat(1000)
                + "\"/></Invoice>";
        SecureXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new DefaultHandler(),
                XmlLimits.defaults().withMaxTextChars(1000));
    }

    @Test
    void parse_ucs4Document_refusedAsUnsupportedEncoding() {
        byte[] xml = "<Invoice/>".getBytes(java.nio.charset.Charset.forName("UTF-32BE"));

        EslogReadException e = refusal(new ByteArrayInputStream(xml), XmlLimits.defaults());

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.UNSUPPORTED_ENCODING);
    }

    @Test
    void parse_documentLargerThanLimit_refusedAfterAboutTheLimit() {
        RepeatingStream in = ascii("<Invoice>", ' ', 50L * 1024 * 1024, "</Invoice>");
        XmlLimits limits = XmlLimits.defaults().withDocumentLimits(100_000, 1000);

        EslogReadException e = refusal(in, limits);

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.DOCUMENT_TOO_LARGE);
        assertThat(e).hasMessage("XML refused: the document is larger than the limit of 100000 bytes");
        assertThat(in.consumed()).isLessThan(200_000);
    }

    @Test
    void parse_moreElementsThanLimit_refused() {
        RepeatingStream in = new RepeatingStream("<Invoice>".getBytes(StandardCharsets.US_ASCII),
                "<a/>".getBytes(StandardCharsets.US_ASCII), 4L * 1_000_000, "</Invoice>".getBytes(StandardCharsets.US_ASCII));

        EslogReadException e = refusal(in, XmlLimits.defaults().withDocumentLimits(1L << 30, 1000));

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.TOO_MANY_ELEMENTS);
        assertThat(e).hasMessageContaining("more than the limit of 1000 elements");
    }

    // ------------------------------------------------------------------ each JDK limit says which it is

    @Test
    void parse_nestedDeeperThanLimit_saysDepthNotEntity() {
        String xml = "<a>".repeat(70) + "</a>".repeat(70);

        EslogReadException e = refusal(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), XmlLimits.defaults());

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.TOO_DEEP);
        assertThat(e).hasMessageStartingWith("XML refused: element \"a\" nests deeper than the limit of 64 levels")
                .hasMessageNotContaining("entity");
    }

    @Test
    void parse_moreAttributesThanLimit_saysAttributesNotEntity() {
        StringBuilder xml = new StringBuilder("<Invoice");
        for (int i = 0; i < 70; i++) {
            xml.append(" a").append(i).append("=\"1\"");
        }
        xml.append("/>");

        EslogReadException e = refusal(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)),
                XmlLimits.defaults());

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.TOO_MANY_ATTRIBUTES);
        assertThat(e).hasMessageStartingWith("XML refused: element \"Invoice\" has more than the limit of 64 attributes")
                .hasMessageNotContaining("entity");
    }

    @Test
    void parse_nameLongerThanLimit_saysNameNotEntity() {
        String xml = "<Invoice><" + "n".repeat(300) + "/></Invoice>";

        EslogReadException e = refusal(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), XmlLimits.defaults());

        assertThat(e.reason()).isEqualTo(EslogReadException.Reason.NAME_TOO_LONG);
        assertThat(e).hasMessageStartingWith("XML refused: a name").hasMessageContaining("longer than the limit of 256")
                .hasMessageNotContaining("entity");
    }

    @Test
    void parse_parserMessageQuotingLongNames_cutToABoundedLength() {
        // the JDK quotes both names whole: "The element type "nnn..." must be terminated by the matching end-tag"
        String name = "n".repeat(250);
        String xml = "<Invoice><" + name + "></" + name.replace('n', 'm') + "></Invoice>";

        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> SecureXmlParser.parse(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new DefaultHandler(), XmlLimits.defaults()));

        assertThat(t).isInstanceOf(EslogReadException.class).hasMessageStartingWith("XML is not well-formed: ");
        assertThat(((EslogReadException) t).reason()).isEqualTo(EslogReadException.Reason.NOT_WELL_FORMED);
        assertThat(t.getMessage()).hasSizeLessThanOrEqualTo(Messages.MAX_MESSAGE + 100);
    }

    static InputStream hugeTextNode(long size) {
        byte[] head = "<Invoice xmlns=\"urn:eslog:2.00\"><M_INVOIC><D_4440>".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "</D_4440></M_INVOIC></Invoice>".getBytes(StandardCharsets.US_ASCII);
        return new RepeatingStream(head, (byte) 'A', size, tail);
    }

    /** head + size × fill + tail, generated on the fly (no 50 MB array needed). */
    static final class RepeatingStream extends InputStream {
        private final byte[] head;
        private final byte[] fill;
        private final long size;
        private final byte[] tail;
        private long pos;

        RepeatingStream(byte[] head, byte fill, long size, byte[] tail) {
            this(head, new byte[] {fill}, size, tail);
        }

        /** @param size the number of bytes of fill (a multiple of the pattern's length) */
        RepeatingStream(byte[] head, byte[] fill, long size, byte[] tail) {
            this.head = head;
            this.fill = fill;
            this.size = size;
            this.tail = tail;
        }

        /** @return how many bytes the reader has taken so far */
        long consumed() {
            return pos;
        }

        @Override
        public int read() {
            long total = head.length + size + tail.length;
            if (pos >= total) {
                return -1;
            }
            long p = pos++;
            if (p < head.length) {
                return head[(int) p] & 0xFF;
            }
            if (p < head.length + size) {
                return fill[(int) ((p - head.length) % fill.length)] & 0xFF;
            }
            return tail[(int) (p - head.length - size)] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}
