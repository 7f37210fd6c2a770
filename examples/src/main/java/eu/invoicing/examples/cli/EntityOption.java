package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Entity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
     * @throws ValidationException when the file cannot be read or is not a valid entity
     */
    Entity load() {
        if (file == null) {
            return Entity.sampleSlovenian();
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ValidationException.of("--entity", "unreadable", "cannot read " + file + ": " + e.getMessage());
        }
        return InvoicingJson.readEntity(json);
    }
}
