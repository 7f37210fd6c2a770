package eu.invoicing.fiscal.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Enveloped XML-DSig on the JDK's {@code javax.xml.crypto.dsig}: signing an element by its {@code Id} (one
 * reference {@code #Id} with the transforms enveloped-signature and exclusive C14N, exclusive C14N of
 * SignedInfo, RSA with SHA-1 or SHA-256, KeyInfo/X509Data with the certificate and its issuer and serial), and
 * validating such a signature with the certificate it carries. Also XXE-safe parsing and serialization.
 *
 * <p>Stateless and thread-safe.
 */
public final class XmlSignatures {
    /** The XML-DSig namespace. */
    public static final String DSIG = XMLSignature.XMLNS;
    private static final Set<String> SIGNATURE_METHODS = Set.of(SignatureMethod.RSA_SHA1, SignatureMethod.RSA_SHA256);
    private static final Set<String> DIGESTS = Set.of(DigestMethod.SHA1, DigestMethod.SHA256);
    private static final Set<String> TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.INCLUSIVE);

    private XmlSignatures() {
    }

    /**
     * Signs {@code element} (which has an {@code Id} attribute) with an enveloped signature appended as its last
     * child.
     *
     * @param element the element to sign, with an {@code Id}, not null
     * @param key the private key, not null
     * @param certificate its certificate, not null
     * @param sha256 true for RSA-SHA256 / SHA-256, false for RSA-SHA1 / SHA-1
     */
    public static void sign(Element element, PrivateKey key, X509Certificate certificate, boolean sha256) {
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            String id = element.getAttribute("Id");
            element.setIdAttributeNS(null, "Id", true);
            Reference ref = f.newReference("#" + id, f.newDigestMethod(sha256 ? DigestMethod.SHA256
                    : DigestMethod.SHA1, null), List.of(f.newTransform(Transform.ENVELOPED,
                    (TransformParameterSpec) null), f.newTransform(CanonicalizationMethod.EXCLUSIVE,
                    (TransformParameterSpec) null)), null, null);
            SignedInfo si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), f.newSignatureMethod(sha256 ? SignatureMethod.RSA_SHA256
                    : SignatureMethod.RSA_SHA1, null), List.of(ref));
            KeyInfoFactory k = f.getKeyInfoFactory();
            X509Data data = k.newX509Data(List.of(certificate, k.newX509IssuerSerial(
                    certificate.getIssuerX500Principal().getName(), certificate.getSerialNumber())));
            KeyInfo keyInfo = k.newKeyInfo(List.of(data));
            f.newXMLSignature(si, keyInfo).sign(new DOMSignContext(key, element));
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("the XML signature cannot be made: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Validates the enveloped signature that is a direct child of {@code element}, with the certificate in its
     * KeyInfo, under a policy as strict as the JDK's secure validation but admitting SHA-1 (which CIS uses):
     * exactly one reference, to {@code #Id} of this element, transforms only enveloped-signature and C14N,
     * RSA-SHA1/RSA-SHA256 and SHA-1/SHA-256 only.
     *
     * @param element the signed element, not null
     * @return the certificate that verified the signature (the caller decides whether it is trusted)
     * @throws SecurityException when there is no signature, it breaks the policy, or it does not verify
     */
    public static X509Certificate validate(Element element) {
        Element signature = null;
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && DSIG.equals(e.getNamespaceURI())
                    && "Signature".equals(e.getLocalName())) {
                signature = e;
            }
        }
        if (signature == null) {
            throw new SecurityException("the answer carries no XML signature");
        }
        element.setIdAttributeNS(null, "Id", true);
        CertificateSelector selector = new CertificateSelector();
        DOMValidateContext ctx = new DOMValidateContext(selector, signature);
        // The policy below replaces the JDK's secure validation, which refuses SHA-1 outright.
        ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        try {
            XMLSignature sig = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
            SignedInfo si = sig.getSignedInfo();
            if (!SIGNATURE_METHODS.contains(si.getSignatureMethod().getAlgorithm())
                    || !TRANSFORMS.contains(si.getCanonicalizationMethod().getAlgorithm())
                    || si.getReferences().size() != 1) {
                throw new SecurityException("the XML signature uses algorithms or references outside the policy");
            }
            Reference ref = (Reference) si.getReferences().get(0);
            if (!("#" + element.getAttribute("Id")).equals(ref.getURI()) || element.getAttribute("Id").isEmpty()
                    || !DIGESTS.contains(ref.getDigestMethod().getAlgorithm())) {
                throw new SecurityException("the XML signature does not sign the answer's element by its Id");
            }
            for (Object t : ref.getTransforms()) {
                if (!TRANSFORMS.contains(((Transform) t).getAlgorithm())) {
                    throw new SecurityException("the XML signature has a transform outside the policy");
                }
            }
            if (!sig.validate(ctx)) {
                throw new SecurityException("the XML signature does not verify");
            }
            return selector.certificate;
        } catch (MarshalException | XMLSignatureException e) {
            throw new SecurityException("the XML signature cannot be checked: " + e.getMessage());
        }
    }

    /** Takes the key of the first X509Certificate in KeyInfo and remembers the certificate. */
    private static final class CertificateSelector extends KeySelector {
        private X509Certificate certificate;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo != null) {
                for (Object o : keyInfo.getContent()) {
                    if (o instanceof X509Data d) {
                        for (Object c : d.getContent()) {
                            if (c instanceof X509Certificate x) {
                                certificate = x;
                                Key key = x.getPublicKey();
                                return () -> key;
                            }
                        }
                    }
                }
            }
            throw new KeySelectorException("the signature's KeyInfo carries no X509Certificate");
        }
    }

    /** @return a namespace-aware builder that refuses DOCTYPEs and external entities */
    public static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    /**
     * @param bytes XML, at most what the transport read, not null
     * @return the parsed document
     * @throws SecurityException when the bytes are not well-formed XML (or have a DOCTYPE)
     */
    public static Document parse(byte[] bytes) {
        try {
            return builder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException e) {
            throw new SecurityException("not well-formed XML: " + e.getMessage());
        }
    }

    /**
     * @param document not null
     * @return its UTF-8 bytes with an XML declaration, no indentation (the signed bytes stay the signed bytes)
     */
    public static byte[] serialize(Document document) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            javax.xml.transform.Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("a DOM cannot fail to serialize", e);
        }
    }

    /**
     * @param parent not null
     * @param namespace not null
     * @param localName not null
     * @return the direct children of that name, in order
     */
    public static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && namespace.equals(e.getNamespaceURI())
                    && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

}
