package io.glostream.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CommandLineErrorsTest {

    /** A program-specific user error, named to {@link CommandLineErrors#install}. */
    static final class CorruptInput extends RuntimeException {
        CorruptInput(String message) {
            super(message);
        }
    }

    @Command(name = "tool", subcommands = Fail.class)
    static final class Tool {
    }

    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        @Option(names = "--with", required = true)
        String with;

        @Override
        public Integer call() throws Exception {
            switch (with) {
                case "argument" -> throw new IllegalArgumentException("--size must be positive, got 0");
                case "io" -> throw new FileNotFoundException("data.jsonl (No such file or directory)");
                case "corrupt" -> throw new CorruptInput("vocab-en.txt: sha256 mismatch");
                case "bug" -> throw new NullPointerException();
                default -> {
                    return 0;
                }
            }
        }
    }

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = CommandLineErrors.install(new CommandLine(new Tool()), "glostream-tool", CorruptInput.class);
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void userErrorsAreOneLineAndExitTwo() {
        assertEquals(CommandLineErrors.EXIT_BAD_INPUT, run("fail", "--with", "argument"));
        assertEquals("glostream-tool fail: --size must be positive, got 0", err.toString().strip());
    }

    @Test
    void ioErrorsAndTheProgramsOwnUserErrorsCountAsBadInput() {
        assertEquals(CommandLineErrors.EXIT_BAD_INPUT, run("fail", "--with", "io"));
        assertEquals(CommandLineErrors.EXIT_BAD_INPUT, run("fail", "--with", "corrupt"));
        assertEquals("glostream-tool fail: data.jsonl (No such file or directory)\n"
                + "glostream-tool fail: vocab-en.txt: sha256 mismatch", err.toString().strip().replace("\r", ""));
    }

    @Test
    void internalErrorsExitOneAndSayHowToSeeTheStackTrace() {
        assertEquals(CommandLineErrors.EXIT_FAILURE, run("fail", "--with", "bug"));
        String[] lines = err.toString().strip().split("\\R");
        assertEquals("glostream-tool fail: NullPointerException", lines[0]);
        assertEquals("(an internal error: rerun with -Dglostream.debug=true for the stack trace)", lines[1]);
        assertEquals(2, lines.length);
    }

    @Test
    void aBadArgumentIsOneLinePointingAtHelp() {
        assertEquals(CommandLineErrors.EXIT_BAD_INPUT, run("fail", "--wiht", "x"));
        String printed = err.toString().strip();
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(printed.startsWith("tool fail: "), printed);
        assertTrue(printed.endsWith("(see tool fail --help)"), printed);
    }
}
