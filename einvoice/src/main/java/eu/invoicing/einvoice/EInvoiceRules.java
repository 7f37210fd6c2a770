package eu.invoicing.einvoice;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the official schematron stylesheets come from: the CEN EN 16931 rules for UBL and CII and the
 * Peppol BIS Billing 3.0 rules for UBL. Immutable and thread-safe; compiling is {@link EInvoiceValidator}'s
 * job, so building one of these is cheap.
 *
 * <p>{@link #bundled()} takes them from the jars on the class path that Maven Central publishes them in
 * ({@code com.helger.phive.rules:phive-rules-en16931} and {@code phive-rules-peppol}, version
 * {@value #BUNDLED_CEN_VERSION} of the CEN rules and {@value #BUNDLED_PEPPOL_VERSION} of Peppol's);
 * The XRechnung 3.0 CIUS rules ({@value #BUNDLED_XRECHNUNG_VERSION}) come from {@code phive-rules-xrechnung}.
 * {@link #cenDirectory(Path, String)} reads the CEN rules from a checkout of the CEN/TC 434 repository
 * (ConnectingEurope/eInvoicing-EN16931) the host keeps, e.g. a newer release. A rule set that is absent is
 * reported by {@link #missing()}, and validating with it fails with an {@link EInvoiceException} naming it,
 * never silently skipped.
 */
public final class EInvoiceRules {

    /** The CEN rules version inside the bundled phive-rules-en16931 jar. */
    public static final String BUNDLED_CEN_VERSION = "1.3.15";
    /** The Peppol BIS Billing 3.0 rules release inside the bundled phive-rules-peppol jar. */
    public static final String BUNDLED_PEPPOL_VERSION = "2025.11";

    /** The XRechnung release inside the bundled phive-rules-xrechnung jar. */
    public static final String BUNDLED_XRECHNUNG_VERSION = "3.0.2";

    /** The first CEN release without BR-CO-25 (validation-1.3.16). */
    static final String FIRST_CEN_WITHOUT_BR_CO_25 = "1.3.16";

    static final String XRECHNUNG_UBL_RESOURCE = "external/schematron/" + BUNDLED_XRECHNUNG_VERSION + "/XRechnung-UBL-validation.xslt";
    static final String XRECHNUNG_CII_RESOURCE = "external/schematron/" + BUNDLED_XRECHNUNG_VERSION + "/XRechnung-CII-validation.xslt";
    static final String CEN_UBL_RESOURCE = "external/schematron/" + BUNDLED_CEN_VERSION + "/ubl/EN16931-UBL-validation.xslt";
    static final String CEN_CII_RESOURCE = "external/schematron/" + BUNDLED_CEN_VERSION + "/cii/EN16931-CII-validation.xslt";
    static final String PEPPOL_UBL_RESOURCE = "external/schematron/openpeppol/" + BUNDLED_PEPPOL_VERSION
            + "/xslt/PEPPOL-EN16931-UBL.xslt";

    /**
     * One stylesheet: what it is, its version and where it is.
     *
     * @param source the rule set, not null
     * @param version its release, not null
     * @param location the XSLT, nullable when absent
     * @param description where it was looked for, not null
     */
    record Stylesheet(RuleSource source, String version, URL location, String description) {
    }

    private final Stylesheet cenUbl;
    private final Stylesheet cenCii;
    private final Stylesheet peppolUbl;
    private final Stylesheet xrechnungUbl;
    private final Stylesheet xrechnungCii;

    private EInvoiceRules(Stylesheet cenUbl, Stylesheet cenCii, Stylesheet peppolUbl, Stylesheet xrechnungUbl,
            Stylesheet xrechnungCii) {
        this.cenUbl = cenUbl;
        this.cenCii = cenCii;
        this.peppolUbl = peppolUbl;
        this.xrechnungUbl = xrechnungUbl;
        this.xrechnungCii = xrechnungCii;
    }

    /**
     * The rules from the phive-rules jars on the class path (the module's own dependencies).
     *
     * @return the bundled rules; a jar that is absent shows in {@link #missing()}
     */
    public static EInvoiceRules bundled() {
        return new EInvoiceRules(
                resource(RuleSource.EN16931, BUNDLED_CEN_VERSION, CEN_UBL_RESOURCE, "phive-rules-en16931"),
                resource(RuleSource.EN16931, BUNDLED_CEN_VERSION, CEN_CII_RESOURCE, "phive-rules-en16931"),
                resource(RuleSource.PEPPOL, BUNDLED_PEPPOL_VERSION, PEPPOL_UBL_RESOURCE, "phive-rules-peppol"),
                resource(RuleSource.XRECHNUNG, BUNDLED_XRECHNUNG_VERSION, XRECHNUNG_UBL_RESOURCE, "phive-rules-xrechnung"),
                resource(RuleSource.XRECHNUNG, BUNDLED_XRECHNUNG_VERSION, XRECHNUNG_CII_RESOURCE, "phive-rules-xrechnung"));
    }

    /**
     * The CEN rules from a directory laid out as the CEN/TC 434 repository ({@code ubl/xslt/EN16931-UBL-validation.xslt},
     * {@code cii/xslt/EN16931-CII-validation.xslt}); the Peppol and XRechnung rules stay the bundled ones.
     *
     * @param dir the directory, not null
     * @param version the release in that directory, for the result's {@link ValidationResult#rulesRun()}, not null
     * @return the rules; a file that is absent shows in {@link #missing()}
     * @throws NullPointerException if an argument is null
     */
    public static EInvoiceRules cenDirectory(Path dir, String version) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(version, "version");
        EInvoiceRules bundled = bundled();
        return new EInvoiceRules(
                file(RuleSource.EN16931, version, dir.resolve("ubl/xslt/EN16931-UBL-validation.xslt")),
                file(RuleSource.EN16931, version, dir.resolve("cii/xslt/EN16931-CII-validation.xslt")),
                bundled.peppolUbl, bundled.xrechnungUbl, bundled.xrechnungCii);
    }

    /** @return a description of every stylesheet that is absent (empty when all are there) */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        for (Stylesheet s : List.of(cenUbl, cenCii, peppolUbl, xrechnungUbl, xrechnungCii)) {
            if (s.location() == null) {
                out.add(s.description());
            }
        }
        return List.copyOf(out);
    }

    /** @return the CEN rules version of the UBL stylesheet */
    public String cenVersion() {
        return cenUbl.version();
    }

    /**
     * Whether the CEN rules of this set state BR-CO-25 ("in case the amount due for payment (BT-115) is
     * positive, either the payment due date (BT-9) or the payment terms (BT-20) shall be present"): every
     * release up to 1.3.15 does (for UBL on the {@code Invoice} root only, for CII on every document),
     * 1.3.16 dropped it from both syntaxes. A version that is not dotted numbers counts as stating it.
     *
     * @return true when the CEN release is before 1.3.16
     */
    public boolean cenStatesDueDateRule() {
        return compareVersions(cenUbl.version(), FIRST_CEN_WITHOUT_BR_CO_25) < 0;
    }

    /** @return the order of two dotted releases ("1.3.14.2" before "1.3.15"); an unparsable one sorts first */
    static int compareVersions(String a, String b) {
        int[] x = numbers(a);
        int[] y = numbers(b);
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        if (!version.matches("[0-9]{1,6}(\\.[0-9]{1,6}){0,5}")) {
            return null;
        }
        String[] parts = version.split("\\.");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }

    /** @return where the CEN UBL stylesheet is, empty when absent */
    public Optional<URL> cenUblLocation() {
        return Optional.ofNullable(cenUbl.location());
    }

    Stylesheet cenUbl() {
        return cenUbl;
    }

    Stylesheet cenCii() {
        return cenCii;
    }

    Stylesheet peppolUbl() {
        return peppolUbl;
    }

    Stylesheet xrechnungUbl() {
        return xrechnungUbl;
    }

    Stylesheet xrechnungCii() {
        return xrechnungCii;
    }

    private static Stylesheet resource(RuleSource source, String version, String name, String artifact) {
        URL url = EInvoiceRules.class.getClassLoader().getResource(name);
        return new Stylesheet(source, version, url, source + " " + version + " rules: class-path resource " + name
                + (url == null ? " not found (add com.helger.phive.rules:" + artifact + " or use cenDirectory)" : ""));
    }

    private static Stylesheet file(RuleSource source, String version, Path path) {
        URL url = null;
        if (Files.isRegularFile(path)) {
            try {
                url = path.toUri().toURL();
            } catch (MalformedURLException e) {
                url = null;
            }
        }
        return new Stylesheet(source, version, url, source + " " + version + " rules: file " + path
                + (url == null ? " not found" : ""));
    }
}
