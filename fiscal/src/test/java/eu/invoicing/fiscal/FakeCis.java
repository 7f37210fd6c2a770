package eu.invoicing.fiscal;

import eu.invoicing.fiscal.internal.XmlSignatures;
import java.io.ByteArrayInputStream;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.keyinfo.X509IssuerSerial;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * CIS, played locally: re-parses each request from its bytes and validates its XML signature independently
 * ({@code javax.xml.crypto.dsig} with the TLS client certificate's key, checking the algorithms, the reference and
 * KeyInfo the specification requires), registers invoices by ZKI, answers a repeated IdPoruke with its first
 * answer, and signs its answers with the CIS signing certificate.
 */
final class FakeCis extends FakeAuthority {
    static final String NS = CisClient.NS;
    private final TestPki.Issued signer;
    private final TestPki.Issued forger;
    final List<String> registered = new CopyOnWriteArrayList<>();
    final List<Element> requests = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> answered = new ConcurrentHashMap<>();
    /** Set to make the next answer carry a changed JIR after signing. */
    volatile boolean tamper;

    FakeCis(TestPki pki) {
        super(pki.server, pki.ca.certificate(), "/FiskalizacijaServiceTest");
        this.signer = pki.signer;
        this.forger = pki.rogueServer;
    }

    long registrationsOf(String zki) {
        return registered.stream().filter(zki::equals).count();
    }

    /** The independent check of a request's signature; returns null when valid, else why not. */
    static String verify(Element request, X509Certificate peer) {
        try {
            NodeList sigs = request.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
            if (sigs.getLength() != 1 || sigs.item(0).getParentNode() != request) {
                return "no enveloped signature";
            }
            request.setIdAttributeNS(null, "Id", true);
            KeySelector peerKey = new KeySelector() {
                @Override
                public KeySelectorResult select(KeyInfo k, Purpose p, AlgorithmMethod m, XMLCryptoContext c) {
                    Key key = peer.getPublicKey();
                    return () -> key;
                }
            };
            DOMValidateContext ctx = new DOMValidateContext(peerKey, sigs.item(0));
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
            XMLSignature sig = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
            if (!SignatureMethod.RSA_SHA1.equals(sig.getSignedInfo().getSignatureMethod().getAlgorithm())
                    || !CanonicalizationMethod.EXCLUSIVE.equals(
                            sig.getSignedInfo().getCanonicalizationMethod().getAlgorithm())) {
                return "signature or canonicalization method";
            }
            Reference ref = (Reference) sig.getSignedInfo().getReferences().get(0);
            if (sig.getSignedInfo().getReferences().size() != 1
                    || !("#" + request.getAttribute("Id")).equals(ref.getURI())
                    || !DigestMethod.SHA1.equals(ref.getDigestMethod().getAlgorithm())
                    || ref.getTransforms().size() != 2
                    || !Transform.ENVELOPED.equals(((Transform) ref.getTransforms().get(0)).getAlgorithm())
                    || !CanonicalizationMethod.EXCLUSIVE.equals(
                            ((Transform) ref.getTransforms().get(1)).getAlgorithm())) {
                return "reference";
            }
            boolean cert = false;
            boolean issuerSerial = false;
            for (Object o : sig.getKeyInfo().getContent()) {
                if (o instanceof X509Data d) {
                    for (Object c : d.getContent()) {
                        cert |= c instanceof X509Certificate x && x.equals(peer);
                        issuerSerial |= c instanceof X509IssuerSerial is
                                && is.getSerialNumber().equals(peer.getSerialNumber());
                    }
                }
            }
            if (!cert || !issuerSerial) {
                return "KeyInfo";
            }
            return sig.validate(ctx) ? null : "signature value";
        } catch (Exception e) {
            return e.toString();
        }
    }

    static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static String text(Element root, String name) {
        NodeList n = root.getElementsByTagNameNS(NS, name);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }

    @Override
    synchronized Answer handle(String path, byte[] body, X509Certificate peer, boolean forged) {
        try {
            Document doc = parse(body);
            Element echo = (Element) doc.getElementsByTagNameNS(NS, "EchoRequest").item(0);
            if (echo != null) {
                return new Answer(200, "text/xml", ("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/"
                        + "soap/envelope/\"><soapenv:Body><tns:EchoResponse xmlns:tns=\"" + NS + "\">"
                        + echo.getTextContent() + "</tns:EchoResponse></soapenv:Body></soapenv:Envelope>").getBytes());
            }
            Element request = (Element) doc.getElementsByTagNameNS(NS, "RacunZahtjev").item(0);
            String messageId = text(request, "IdPoruke");
            byte[] earlier = answered.get(messageId);
            if (earlier != null) {
                return new Answer(200, "text/xml", earlier);
            }
            String invalid = verify(request, peer);
            String error = invalid != null ? "s004" : errorCode;
            String jir = UUID.nameUUIDFromBytes(messageId.getBytes()).toString();
            if (error == null) {
                registered.add(text(request, "ZastKod"));
                requests.add(request);
            }
            byte[] good = answer(messageId, error, jir, signer, false);
            if (error == null) {
                answered.put(messageId, good);
            }
            return new Answer(200, "text/xml; charset=UTF-8", forged ? answer(messageId, error, jir, forger, false)
                    : tamper ? answer(messageId, error, jir, signer, true) : good);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] answer(String messageId, String error, String jir, TestPki.Issued by, boolean tamper) {
        Document d = XmlSignatures.builder().newDocument();
        Element env = d.createElementNS(CisClient.SOAP, "soapenv:Envelope");
        env.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:soapenv", CisClient.SOAP);
        d.appendChild(env);
        Element body = d.createElementNS(CisClient.SOAP, "soapenv:Body");
        env.appendChild(body);
        Element odg = d.createElementNS(NS, "tns:RacunOdgovor");
        odg.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:tns", NS);
        odg.setAttribute("Id", "RacunOdgovor");
        body.appendChild(odg);
        Element z = d.createElementNS(NS, "tns:Zaglavlje");
        odg.appendChild(z);
        Element id = d.createElementNS(NS, "tns:IdPoruke");
        id.setTextContent(messageId);
        z.appendChild(id);
        Element dt = d.createElementNS(NS, "tns:DatumVrijeme");
        dt.setTextContent("16.03.2026T10:00:01");
        z.appendChild(dt);
        Element j = null;
        if (error == null) {
            j = d.createElementNS(NS, "tns:Jir");
            j.setTextContent(jir);
            odg.appendChild(j);
        } else {
            Element g = d.createElementNS(NS, "tns:Greske");
            Element gg = d.createElementNS(NS, "tns:Greska");
            Element c = d.createElementNS(NS, "tns:SifraGreske");
            c.setTextContent(error);
            Element m = d.createElementNS(NS, "tns:PorukaGreske");
            m.setTextContent("Refused by the fake CIS.");
            gg.appendChild(c);
            gg.appendChild(m);
            g.appendChild(gg);
            odg.appendChild(g);
        }
        XmlSignatures.sign(odg, by.key(), by.certificate(), false);
        if (tamper && j != null) {
            j.setTextContent(UUID.randomUUID().toString());
        }
        return XmlSignatures.serialize(d);
    }
}
