package dev.mayday.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The product's Java sources as a reader sees them: files, their packages and what each package refers to. */
record SourceTree(List<SourceFile> files) {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** A qualified reference to one of our classes, in an import or inline: {@code dev.mayday.x.y.Type}. */
    private static final Pattern OUR_TYPE = Pattern.compile("\\b(dev\\.mayday(?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");

    record SourceFile(Path path, String packageName, List<String> lines) {

        String text() {
            return String.join("\n", lines);
        }

        /** The packages this file refers to by qualified name, other than its own. */
        Set<String> referencedPackages() {
            Set<String> packages = new TreeSet<>();
            Matcher matcher = OUR_TYPE.matcher(PACKAGE.matcher(text()).replaceFirst(""));
            while (matcher.find()) {
                if (!matcher.group(1).equals(packageName)) {
                    packages.add(matcher.group(1));
                }
            }
            return packages;
        }
    }

    static SourceTree of(Path... roots) {
        List<SourceFile> files = Stream.of(roots).flatMap(SourceTree::javaFiles).map(SourceTree::read).toList();
        return new SourceTree(files);
    }

    /** Package → the packages it refers to. */
    Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (SourceFile file : files) {
            graph.computeIfAbsent(file.packageName(), p -> new TreeSet<>()).addAll(file.referencedPackages());
        }
        return graph;
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SourceFile read(Path path) {
        try {
            String text = Files.readString(path);
            Matcher matcher = PACKAGE.matcher(text);
            String packageName = matcher.find() ? matcher.group(1) : "";
            return new SourceFile(path, packageName, text.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
