package eu.invoicing.core.rates;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.CurrencyCode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the European Central Bank's euro foreign exchange reference rates format: a {@code gesmes:Envelope}
 * whose {@code Cube} holds one {@code Cube time="YYYY-MM-DD"} per day, each holding
 * {@code Cube currency="USD" rate="1.0765"} (units of the currency per euro). The daily file has one day, the
 * historical ones many.
 *
 * <p>XXE-safe and bounded: a DTD is refused (so no entity is ever expanded), external entities are off, and
 * the stream is cut at {@link #MAX_BYTES}, the tree at {@link #MAX_DEPTH} levels, a value at
 * {@link #MAX_VALUE_CHARS} characters. Every failure is a {@link ValidationException} at {@code rates}.
 *
 * <p>Stateless; thread-safe.
 */
final class EcbRatesXml {
    /** The complete history since 1999 is about 6 MB; a file four times that is not a rates file. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    static final int MAX_DEPTH = 8;
    static final int MAX_VALUE_CHARS = 32;
    static final String GESMES = "http://www.gesmes.org/xml/2002-08-01";
    static final String EUROFXREF = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    private static final XMLInputFactory FACTORY = factory();

    private EcbRatesXml() {
    }

    private static XMLInputFactory factory() {
        // The JDK's own StAX, not whichever a host's classpath brings (Aalto, Woodstox): its hardening properties are known.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    static NavigableMap<LocalDate, Map<String, BigDecimal>> read(InputStream in) throws IOException {
        Bounded bounded = new Bounded(in);
        NavigableMap<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(bounded);
            int depth = 0;
            boolean sawEnvelope = false;
            Map<String, BigDecimal> day = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw malformed("a DTD or entity reference is not allowed");
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (++depth > MAX_DEPTH) {
                    throw malformed("nested deeper than " + MAX_DEPTH + " levels");
                }
                if (depth == 1) {
                    if (!GESMES.equals(r.getNamespaceURI()) || !"Envelope".equals(r.getLocalName())) {
                        throw malformed("the root is not the ECB's gesmes:Envelope");
                    }
                    sawEnvelope = true;
                    continue;
                }
                if (!EUROFXREF.equals(r.getNamespaceURI()) || !"Cube".equals(r.getLocalName())) {
                    continue;
                }
                String time = attribute(r, "time");
                String currency = attribute(r, "currency");
                if (time != null) {
                    LocalDate date = date(time);
                    day = days.computeIfAbsent(date, d -> new HashMap<>());
                } else if (currency != null) {
                    if (day == null) {
                        throw malformed("a rate for " + currency + " outside a day's Cube");
                    }
                    day.put(currency(currency), rate(currency, attribute(r, "rate")));
                }
            }
            if (!sawEnvelope) {
                throw malformed("no gesmes:Envelope");
            }
        } catch (XMLStreamException e) {
            if (bounded.exceeded) {
                throw ValidationException.of("rates", "too_large", "larger than " + MAX_BYTES + " bytes");
            }
            throw malformed("not well-formed XML: " + e.getMessage());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // Closing a StAX reader releases no resource of ours; the stream is the caller's.
                }
            }
        }
        NavigableMap<LocalDate, Map<String, BigDecimal>> out = new TreeMap<>();
        days.forEach((d, rates) -> out.put(d, Map.copyOf(rates)));
        return Collections.unmodifiableNavigableMap(out);
    }

    private static String attribute(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        if (v != null && v.length() > MAX_VALUE_CHARS) {
            throw malformed("attribute " + name + " is longer than " + MAX_VALUE_CHARS + " characters");
        }
        return v;
    }

    private static LocalDate date(String time) {
        try {
            return LocalDate.parse(time);
        } catch (DateTimeParseException e) {
            throw malformed("time \"" + time + "\" is not a date (YYYY-MM-DD)");
        }
    }

    private static String currency(String code) {
        if (!CurrencyCode.isValid(code) || "EUR".equals(code)) {
            throw malformed("currency \"" + code + "\" is not an ISO 4217 code other than EUR");
        }
        return code;
    }

    private static BigDecimal rate(String currency, String rate) {
        if (rate == null) {
            throw malformed("the rate of " + currency + " is missing");
        }
        try {
            BigDecimal v = new BigDecimal(rate);
            if (v.signum() <= 0) {
                throw malformed("the rate of " + currency + " must be > 0, was " + rate);
            }
            return v;
        } catch (NumberFormatException e) {
            throw malformed("the rate of " + currency + " is not a number: \"" + rate + "\"");
        }
    }

    private static ValidationException malformed(String why) {
        return ValidationException.of("rates", "malformed", "not ECB reference rates: " + why);
    }

    /** Cuts the stream after {@link #MAX_BYTES}, remembering that it did. */
    private static final class Bounded extends FilterInputStream {
        private long count;
        private boolean exceeded;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > MAX_BYTES) {
                exceeded = true;
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
        }
    }
}
