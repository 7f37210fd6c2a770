package eu.invoicing.core;

import static eu.invoicing.core.testing.SourceDependencies.find;
import static eu.invoicing.core.testing.SourceDependencies.hasSegment;
import static eu.invoicing.core.testing.SourceDependencies.mainSources;
import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.testing.SourceDependencies;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md inside core, read from the main sources: the model and the
 * engine know no default implementation and no lifecycle; an SPI names no implementation package.
 */
class PackageDependenciesTest {

    @Test
    void calcAndModel_dependOnNoDefaultImplementationAndNoLifecycle() {
        assertThat(find(mainSources(),
                p -> p.startsWith("eu.invoicing.core.calc") || p.startsWith("eu.invoicing.core.model"),
                p -> p.startsWith("eu.invoicing.core.memory") || p.startsWith("eu.invoicing.core.lifecycle")))
                .isEmpty();
    }

    @Test
    void spi_dependsOnNoImplementationPackage() {
        assertThat(find(mainSources(), p -> hasSegment(p, "spi"),
                p -> hasSegment(p, "internal", "job", "local", "memory"))).isEmpty();
    }

    @Test
    void model_dependsOnNoOtherCorePackageButInternal() {
        assertThat(find(mainSources(), p -> p.startsWith("eu.invoicing.core.model"),
                p -> !p.equals("eu.invoicing.core") && !p.startsWith("eu.invoicing.core.internal")))
                .isEmpty();
    }

    @Test
    void referencedPackages_importsAndQualifiedNamesInCode_countButCommentsAndStringsDoNot() {
        String source = """
                package eu.invoicing.core.calc;
                import eu.invoicing.core.memory.InMemoryDocumentStore;
                import static eu.invoicing.core.lifecycle.Rules.refuse;
                /** {@link eu.invoicing.core.json.InvoicingJson} */
                class X { // eu.invoicing.core.query.Page
                    Object a = new eu.invoicing.core.spi.Customer(null);
                    String b = "eu.invoicing.core.version.User";
                    char c = '"'; Object d = eu.invoicing.core.numbering.NumberFormat.class;
                }
                """;
        assertThat(SourceDependencies.referencedPackages(source)).containsExactly("eu.invoicing.core.calc",
                "eu.invoicing.core.lifecycle", "eu.invoicing.core.memory", "eu.invoicing.core.numbering",
                "eu.invoicing.core.spi");
    }
}
