package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Entity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --entity entity.json} option every command shares (a picocli mixin): the issuing entity as
 * JSON, by default a Slovenian VAT subject with EUR.
 *
 * <p>Mutable (filled by picocli), single-thread.
 */
final class EntityOption {
    @Option(names = "--entity", description = "The issuing entity as JSON (default: a Slovenian VAT subject, EUR).")
    Path file;

    /**
     * @return the entity
     * @throws ValidationException when the file is missing ({@code --entity}, {@code not_found}), cannot be read
     *     ({@code unreadable}) or is not a valid entity
     */
    Entity load() {
        if (file == null) {
            return Entity.sampleSlovenian();
        }
        return InvoicingJson.readEntity(new String(CliFiles.read(file, "--entity"), StandardCharsets.UTF_8));
    }
}
