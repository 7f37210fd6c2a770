package eu.invoicing.einvoice.internal;

import eu.invoicing.core.ValidationException;
import eu.invoicing.einvoice.EInvoiceException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * Turns a PDF rendered by the rendering module into a Factur-X 1.07 / ZUGFeRD 2.3 hybrid: PDF/A-3b with the
 * CII attached as {@code factur-x.xml} (associated file, relationship Alternative), XMP metadata carrying
 * the PDF/A identification, the document information and the Factur-X extension schema, and an sRGB output
 * intent (the JDK's sRGB ICC profile). Also reads the XML back out of such a PDF. Stateless, thread-safe.
 */
public final class FacturXPdf {

    /** The attachment name Factur-X 1.0x and ZUGFeRD 2.x prescribe. */
    public static final String FILE_NAME = "factur-x.xml";
    /** Names other hybrids use for the same attachment (ZUGFeRD 1 and 2.0, XRechnung in a PDF). */
    private static final List<String> KNOWN_NAMES = List.of(FILE_NAME, "zugferd-invoice.xml",
            "ZUGFeRD-invoice.xml", "xrechnung.xml");
    private static final String FX_NS = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
    /** XMP dates: ISO 8601 with the offset, to the second (the calendar's instant truncated). */
    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private FacturXPdf() {
    }

    /**
     * @param pdf the rendered PDF (fonts embedded), not null
     * @param cii the CII D16B invoice, not null
     * @param conformanceLevel the Factur-X profile name written in the XMP ({@code EN 16931})
     * @return the PDF/A-3b hybrid
     */
    public static byte[] embed(byte[] pdf, byte[] cii, String conformanceLevel) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            PDDocumentInformation info = doc.getDocumentInformation();
            Calendar created = info.getCreationDate() != null ? info.getCreationDate() : epoch();
            Calendar modified = info.getModificationDate() != null ? info.getModificationDate() : created;
            // PDF/A wants the Info entries mirrored in the XMP; the ones not mirrored are left out.
            info.setCreationDate(created);
            info.setModificationDate(modified);
            if (info.getProducer() == null) {
                info.setProducer("Invoicing");
            }
            doc.setVersion(1.7f);
            // The prebuilt Liberation subsets hold more glyphs than the CIDSet OpenPDF writes lists; PDF/A-2/3
            // (6.2.11.4.2) require a CIDSet to be complete or absent, and it is optional: it goes.
            for (COSObject descriptor : doc.getDocument().getObjectsByType(COSName.FONT_DESC)) {
                if (descriptor.getObject() instanceof COSDictionary d) {
                    d.removeItem(COSName.CID_SET);
                }
            }

            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(cii));
            file.setSubtype("text/xml");
            file.setSize(cii.length);
            file.setCreationDate(created);
            file.setModDate(modified);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(FILE_NAME);
            spec.setFileUnicode(FILE_NAME);
            spec.setFileDescription("Factur-X invoice (CII D16B)");
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Alternative");
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(FILE_NAME, spec));
            PDDocumentNameDictionary names = catalog.getNames() != null ? catalog.getNames()
                    : new PDDocumentNameDictionary(catalog);
            names.setEmbeddedFiles(tree);
            catalog.setNames(names);
            COSArray af = new COSArray();
            af.add(spec);
            catalog.getCOSObject().setItem(COSName.AF, af);

            PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);

            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp(info, created, modified, conformanceLevel));
            catalog.setMetadata(metadata);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + cii.length + SRGB.length + 8192);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new EInvoiceException("the rendered PDF could not be made PDF/A-3: " + e.getMessage(), e);
        }
    }

    /**
     * @param pdf a PDF, not null
     * @param maxBytes the largest attachment accepted
     * @return the embedded e-invoice XML ({@code factur-x.xml} or a ZUGFeRD/XRechnung name)
     * @throws ValidationException at path {@code pdf} when the file is no PDF, has no such attachment or
     *         the attachment is larger than {@code maxBytes}
     */
    public static byte[] extract(byte[] pdf, int maxBytes) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            Map<String, PDComplexFileSpecification> files = names == null || names.getEmbeddedFiles() == null
                    ? Map.of() : collect(names.getEmbeddedFiles());
            for (String name : KNOWN_NAMES) {
                PDComplexFileSpecification spec = files.get(name);
                PDEmbeddedFile file = spec == null ? null
                        : spec.getEmbeddedFileUnicode() != null ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
                if (file != null) {
                    try (InputStream in = file.createInputStream()) {
                        byte[] xml = in.readNBytes(maxBytes + 1);
                        if (xml.length > maxBytes) {
                            throw ValidationException.of("pdf", "too_large",
                                    "the embedded " + name + " is larger than " + maxBytes + " bytes");
                        }
                        return xml;
                    }
                }
            }
            throw ValidationException.of("pdf", "no_einvoice", "the PDF has no embedded " + String.join(", ", KNOWN_NAMES)
                    + (files.isEmpty() ? "" : " (it has " + String.join(", ", files.keySet()) + ")"));
        } catch (IOException e) {
            throw ValidationException.of("pdf", "not_pdf", "not a readable PDF: " + e.getMessage());
        }
    }

    /** @return whether the bytes start as a PDF file does */
    public static boolean isPdf(byte[] bytes) {
        return bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F'
                && bytes[4] == '-';
    }

    private static Map<String, PDComplexFileSpecification> collect(PDEmbeddedFilesNameTreeNode node)
            throws IOException {
        Map<String, PDComplexFileSpecification> all = new java.util.LinkedHashMap<>();
        if (node.getNames() != null) {
            all.putAll(node.getNames());
        }
        if (node.getKids() != null) {
            for (var kid : node.getKids()) {
                all.putAll(collect((PDEmbeddedFilesNameTreeNode) kid));
            }
        }
        return all;
    }

    private static Calendar epoch() {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        c.setTimeInMillis(0);
        return c;
    }

    private static String date(Calendar c) {
        return XMP_DATE.format(ZonedDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId())
                .truncatedTo(ChronoUnit.SECONDS));
    }

    private static byte[] xmp(PDDocumentInformation info, Calendar created, Calendar modified,
            String level) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">")
                .append("<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">")
                .append("<dc:format>application/pdf</dc:format>");
        if (info.getTitle() != null) {
            x.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(info.getTitle()))
                    .append("</rdf:li></rdf:Alt></dc:title>");
        }
        if (info.getAuthor() != null) {
            x.append("<dc:creator><rdf:Seq><rdf:li>").append(esc(info.getAuthor())).append("</rdf:li></rdf:Seq></dc:creator>");
        }
        if (info.getSubject() != null) {
            x.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(info.getSubject()))
                    .append("</rdf:li></rdf:Alt></dc:description>");
        }
        x.append("</rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">")
                .append("<pdf:Producer>").append(esc(info.getProducer())).append("</pdf:Producer>");
        if (info.getKeywords() != null) {
            x.append("<pdf:Keywords>").append(esc(info.getKeywords())).append("</pdf:Keywords>");
        }
        x.append("</rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">")
                .append("<xmp:CreateDate>").append(date(created)).append("</xmp:CreateDate>")
                .append("<xmp:ModifyDate>").append(date(modified)).append("</xmp:ModifyDate>");
        if (info.getCreator() != null) {
            x.append("<xmp:CreatorTool>").append(esc(info.getCreator())).append("</xmp:CreatorTool>");
        }
        x.append("</rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:fx=\"").append(FX_NS).append("\">")
                .append("<fx:DocumentType>INVOICE</fx:DocumentType>")
                .append("<fx:DocumentFileName>").append(FILE_NAME).append("</fx:DocumentFileName>")
                .append("<fx:Version>1.0</fx:Version>")
                .append("<fx:ConformanceLevel>").append(esc(level)).append("</fx:ConformanceLevel>")
                .append("</rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
                .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"")
                .append(" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">")
                .append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">")
                .append("<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>")
                .append("<pdfaSchema:namespaceURI>").append(FX_NS).append("</pdfaSchema:namespaceURI>")
                .append("<pdfaSchema:prefix>fx</pdfaSchema:prefix>")
                .append("<pdfaSchema:property><rdf:Seq>");
        property(x, "DocumentFileName", "The name of the embedded XML document");
        property(x, "DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER");
        property(x, "Version", "The actual version of the standard applying to the embedded XML document");
        property(x, "ConformanceLevel", "The conformance level of the embedded XML document");
        x.append("</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>\n")
                .append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void property(StringBuilder x, String name, String description) {
        x.append("<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>").append(name)
                .append("</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>")
                .append("<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>")
                .append(description).append("</pdfaProperty:description></rdf:li>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
