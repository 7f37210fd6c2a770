package eu.invoicing.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the package dependencies of a module's main sources ({@code src/main/java}, the working directory
 * of a surefire run being the module's directory), for the tests that enforce the dependency rules of the
 * architecture (docs/architecture.md). A source depends on a package when it imports from it or names one
 * of its types fully qualified in code; comments and string literals are not code, so a Javadoc link or a
 * message that names a package is no dependency.
 *
 * <p>Only the library's own packages ({@code eu.invoicing.*}) are read. Stateless and thread-safe.
 */
public final class SourceDependencies {
    /** A run of lower-case segments after {@code eu.invoicing}: the package part of a qualified name. */
    private static final Pattern QUALIFIED = Pattern.compile("\\beu\\.invoicing(?:\\.[a-z_][a-z0-9_]*)+");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private SourceDependencies() {
    }

    /**
     * One dependency of a source file on a package.
     *
     * @param file the source, relative to the source root
     * @param fromPackage the source's package
     * @param toPackage the package it depends on
     */
    public record Dependency(String file, String fromPackage, String toPackage) {
        @Override
        public String toString() {
            return file + " (" + fromPackage + ") -> " + toPackage;
        }
    }

    /** @return the main sources of the module under test */
    public static Path mainSources() {
        Path root = Path.of("src", "main", "java");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("no " + root.toAbsolutePath() + ": run from the module's directory");
        }
        return root;
    }

    /**
     * The dependencies from the sources of the packages {@code from} accepts on the packages {@code to}
     * accepts, in file order.
     *
     * @param root the source root, not null
     * @param from selects the depending packages, not null
     * @param to selects the packages depended on, not null
     * @return the matching dependencies, empty when the rule holds
     */
    public static List<Dependency> find(Path root, Predicate<String> from, Predicate<String> to) {
        List<Dependency> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher pkg = PACKAGE.matcher(source);
                String fromPackage = pkg.find() ? pkg.group(1) : "";
                if (!from.test(fromPackage)) {
                    continue;
                }
                for (String target : referencedPackages(source)) {
                    if (!target.equals(fromPackage) && to.test(target)) {
                        found.add(new Dependency(root.relativize(file).toString(), fromPackage, target));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /**
     * @param source a Java source, not null
     * @return the {@code eu.invoicing} packages its code (imports included) names, sorted
     */
    public static TreeSet<String> referencedPackages(String source) {
        TreeSet<String> packages = new TreeSet<>();
        Matcher m = QUALIFIED.matcher(codeOnly(source));
        while (m.find()) {
            packages.add(m.group());
        }
        return packages;
    }

    /** @return {@code true} when one of {@code pkg}'s segments is one of {@code segments} */
    public static boolean hasSegment(String pkg, String... segments) {
        for (String s : pkg.split("\\.")) {
            for (String wanted : segments) {
                if (s.equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The source with comments, string and character literals (text blocks too) blanked out. */
    static String codeOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
