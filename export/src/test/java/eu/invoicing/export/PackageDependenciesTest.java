package eu.invoicing.export;

import static eu.invoicing.core.testing.SourceDependencies.find;
import static eu.invoicing.core.testing.SourceDependencies.hasSegment;
import static eu.invoicing.core.testing.SourceDependencies.mainSources;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md in the export module, read from the main sources: the SPI a
 * host implements depends on core and the export API only, never on the jobs, the local defaults or the
 * internals.
 */
class PackageDependenciesTest {

    @Test
    void spi_dependsOnNoImplementationPackage() {
        assertThat(find(mainSources(), p -> hasSegment(p, "spi"),
                p -> hasSegment(p, "internal", "job", "local", "memory"))).isEmpty();
    }

    @Test
    void spi_dependsOnlyOnCoreApiAndTheExportApi() {
        assertThat(find(mainSources(), p -> p.equals("eu.invoicing.export.spi"),
                p -> !p.equals("eu.invoicing.export") && !(p.startsWith("eu.invoicing.core")
                        && !hasSegment(p, "internal", "memory", "lifecycle")))).isEmpty();
    }
}
