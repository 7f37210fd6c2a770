package eu.invoicing.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of the server: its method and path (in the reference's notation, {@code /estimates/{id}}), what it
 * does, whether it needs an API key, and where it comes from (a reference document or the server itself). The
 * server registers exactly its routes with the HTTP library, and {@code /openapi.json} describes exactly them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param method {@code GET}, {@code POST}, {@code PATCH} or {@code DELETE}, not null
 * @param path the path with {@code {name}} parameters, not null
 * @param summary one line saying what it does, not null
 * @param authenticated whether a valid API key is required
 * @param source the reference document it implements ({@code estimates-api.txt}, ...) or {@code server} for
 *     endpoints of this server (keys, health, OpenAPI, payments, conversions), not null
 * @param query the query parameters it accepts, not null
 */
public record Route(String method, String path, String summary, boolean authenticated, String source,
                    List<String> query) {
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    /**
     * Copies the parameter list.
     *
     * @param method not null
     * @param path not null
     * @param summary not null
     * @param authenticated whether a key is required
     * @param source not null
     * @param query not null
     */
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(source, "source");
        query = List.copyOf(query);
    }

    /** @return the names of the path parameters, in order */
    public List<String> pathParameters() {
        List<String> out = new ArrayList<>();
        Matcher m = PARAM.matcher(path);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** @return {@code METHOD path}, e.g. {@code GET /estimates/{id}} */
    public String key() {
        return method + " " + path;
    }
}
