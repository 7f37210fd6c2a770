package eu.invoicing.core.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Extracts every JSON example object from the reference API documents: each object that starts a line with
 * <code>{</code> and parses as JSON (request bodies inside curl commands start with <code>-d '{</code> and
 * are not examples of the response shape).
 */
public final class ReferenceExamples {
    private static final Pattern OBJECT_START = Pattern.compile("(?m)^\\{");

    private ReferenceExamples() {
    }

    /**
     * One example.
     *
     * @param source file name and line
     * @param json the example
     */
    public record Example(String source, JsonNode json) {
        @Override
        public String toString() {
            return source;
        }
    }

    /** @return every example of every {@code reference/*.txt} file */
    public static List<Example> all() {
        ObjectMapper mapper = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedFiles.root().resolve("reference"))) {
            for (Path file : files.sorted().toList()) {
                String text = Files.readString(file);
                Matcher m = OBJECT_START.matcher(text);
                while (m.find()) {
                    try (JsonParser p = mapper.getFactory().createParser(text.substring(m.start()))) {
                        JsonNode node = mapper.readTree(p);
                        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                        examples.add(new Example(file.getFileName() + ":" + line, node));
                    } catch (IOException notJson) {
                        // A brace that starts prose, not an example.
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }
}
