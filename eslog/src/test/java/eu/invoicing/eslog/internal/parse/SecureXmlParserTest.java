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

    static InputStream hugeTextNode(long size) {
        byte[] head = "<Invoice xmlns=\"urn:eslog:2.00\"><M_INVOIC><D_4440>".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "</D_4440></M_INVOIC></Invoice>".getBytes(StandardCharsets.US_ASCII);
        return new RepeatingStream(head, (byte) 'A', size, tail);
    }

    /** head + size × fill + tail, generated on the fly (no 50 MB array needed). */
    static final class RepeatingStream extends InputStream {
        private final byte[] head;
        private final byte fill;
        private final long size;
        private final byte[] tail;
        private long pos;

        RepeatingStream(byte[] head, byte fill, long size, byte[] tail) {
            this.head = head;
            this.fill = fill;
            this.size = size;
            this.tail = tail;
        }

        @Override
        public int read() {
            long total = head.length + size + tail.length;
            if (pos >= total) {
                return -1;
            }
            long p = pos++;
            if (p < head.length) {
                return head[(int) p];
            }
            if (p < head.length + size) {
                return fill;
            }
            return tail[(int) (p - head.length - size)];
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
