package io.glostream.core.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files under {@code deploy/} and the command lines in them that run one of our jars, so each module's
 * tests can hold them to its real CLI: scripts, compose commands, Kubernetes {@code args} blocks and
 * Dockerfiles all run {@code java -jar .../glostream-<module>.jar <command> <options>}.
 */
public final class DeployFiles {

    private static final Set<String> STOP_WORDS = Set.of("|", "||", "&&", ";", "&", ")", "then", "do");
    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\$?\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

    private DeployFiles() {
    }

    /** One run of a jar: the file and line where it starts, and the words after the jar. */
    public record Invocation(Path file, int line, List<String> args) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + " " + String.join(" ", args);
        }
    }

    /** The repository root: surefire's {@code glostream.root}, else the nearest parent holding {@code deploy/}. */
    public static Path repositoryRoot() {
        String root = System.getProperty("glostream.root");
        if (root != null && Files.isDirectory(Path.of(root, "deploy"))) {
            return Path.of(root);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root with a deploy/ folder above " + Path.of("").toAbsolutePath());
    }

    /** {@code deploy/<relative>}, which must exist. */
    public static Path deploy(String relative) {
        Path file = repositoryRoot().resolve("deploy").resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("missing " + file);
        }
        return file;
    }

    /** The text of {@code deploy/<relative>}. */
    public static String read(String relative) {
        try {
            return Files.readString(deploy(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every script, compose file, manifest and Dockerfile under {@code deploy/}. */
    public static List<Path> commandFiles() {
        try (Stream<Path> files = Files.walk(deploy("."))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(".sh") || name.endsWith(".yml") || name.endsWith(".yaml")
                                || name.endsWith(".Dockerfile");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every shell command line in {@link #commandFiles()} that runs {@code jarName}. */
    public static List<Invocation> invocations(String jarName) {
        List<Invocation> all = new ArrayList<>();
        for (Path file : commandFiles()) {
            try {
                all.addAll(invocations(file, Files.readString(file, StandardCharsets.UTF_8), jarName));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /**
     * The runs of {@code jarName} in shell text: {@code java -jar <path ending in jarName> args...}, with the
     * path itself or in a variable, or a variable holding the whole {@code java -jar} prefix in command
     * position, then its words up to the end of the
     * command ({@code |}, {@code &&}, {@code ;}, a redirection). Lines ending in a backslash continue. A word
     * holding a shell expansion ({@code $x}, {@code "$(...)"}) becomes {@code 1}, which every option of our
     * CLIs accepts (a path, a number, a name).
     */
    public static List<Invocation> invocations(Path file, String text, String jarName) {
        Set<String> pathVariables = new HashSet<>();
        Set<String> commandVariables = new HashSet<>();
        Matcher assignment = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=[\"']?([^\"'\\n]*" + Pattern.quote(jarName) + ")[\"']?")
                .matcher(text);
        while (assignment.find()) {
            (assignment.group(2).contains("-jar ") ? commandVariables : pathVariables).add(assignment.group(1));
        }
        List<Invocation> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int first = i;
            StringBuilder command = new StringBuilder(lines[i]);
            while (command.toString().stripTrailing().endsWith("\\") && i + 1 < lines.length) {
                String joined = command.toString().stripTrailing();
                command.setLength(0);
                command.append(joined, 0, joined.length() - 1).append(' ').append(lines[++i]);
            }
            List<Word> words = words(command.toString());
            for (int w = 0; w < words.size(); w++) {
                if (startsRun(words, w, jarName, pathVariables, commandVariables)) {
                    found.add(new Invocation(file, first + 1, arguments(words, w + 1)));
                }
            }
        }
        return found;
    }

    private static boolean startsRun(List<Word> words, int index, String jarName, Set<String> pathVariables,
                                     Set<String> commandVariables) {
        Word word = words.get(index);
        boolean afterJar = index > 0 && words.get(index - 1).text().equals("-jar");
        if (afterJar && !word.expanded() && (word.text().equals(jarName) || word.text().endsWith("/" + jarName))) {
            return true;
        }
        Matcher variable = SHELL_VARIABLE.matcher(word.text());
        if (!variable.matches()) {
            return false;
        }
        boolean commandPosition = index == 0 || STOP_WORDS.contains(words.get(index - 1).text());
        return (afterJar && pathVariables.contains(variable.group(1)))
                || (commandPosition && commandVariables.contains(variable.group(1)));
    }

    private static List<String> arguments(List<Word> words, int from) {
        List<String> args = new ArrayList<>();
        for (int w = from; w < words.size(); w++) {
            Word word = words.get(w);
            String raw = word.raw();
            if (STOP_WORDS.contains(raw) || raw.startsWith(">") || raw.startsWith("<") || raw.matches("[0-9]>.*")) {
                break;
            }
            args.add(word.expanded() ? "1" : word.text());
        }
        return args;
    }

    /**
     * One shell word: {@code raw} as written, {@code text} without its quotes, whether it was quoted and
     * whether it holds an expansion.
     */
    record Word(String raw, String text, boolean quoted, boolean expanded) {
    }

    /** The shell words of one command line, with quotes and {@code $(...)} kept whole; a {@code #} word ends it. */
    static List<Word> words(String line) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            boolean quoted = false;
            boolean expanded = false;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                char d = line.charAt(i);
                if (d == '\'' || d == '"') {
                    quoted = true;
                    int close = line.indexOf(d, i + 1);
                    if (close < 0) {
                        close = n;
                    }
                    String inside = line.substring(i + 1, close);
                    expanded |= d == '"' && inside.contains("$");
                    text.append(inside);
                    i = Math.min(close + 1, n);
                } else if (d == '$' && i + 1 < n && line.charAt(i + 1) == '(') {
                    expanded = true;
                    int depth = 0;
                    int j = i + 1;
                    for (; j < n; j++) {
                        if (line.charAt(j) == '(') {
                            depth++;
                        } else if (line.charAt(j) == ')' && --depth == 0) {
                            break;
                        }
                    }
                    text.append(line, i, Math.min(j + 1, n));
                    i = Math.min(j + 1, n);
                } else {
                    expanded |= d == '$';
                    text.append(d);
                    i++;
                }
            }
            words.add(new Word(line.substring(start, i), text.toString(), quoted, expanded));
        }
        return words;
    }
}
