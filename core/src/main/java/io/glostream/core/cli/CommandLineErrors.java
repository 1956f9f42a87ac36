package io.glostream.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;

/**
 * How every glostream command line reports what went wrong: one line naming the program and command, exit 2
 * for input the user can fix, exit 1 for anything else. A bad argument gets one line pointing at {@code --help}
 * instead of picocli's whole usage; an internal error says how to see its stack trace
 * ({@code -Dglostream.debug=true}), which user errors never need.
 */
public final class CommandLineErrors {

    /** Exit code for input the user can fix: a bad argument or setting, an unreadable or inconsistent file. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for failures that are not the input's fault. */
    public static final int EXIT_FAILURE = 1;

    private static final List<Class<? extends Exception>> ALWAYS_USER_ERRORS =
            List.of(IllegalArgumentException.class, IOException.class, UncheckedIOException.class);

    private CommandLineErrors() {
    }

    /**
     * Installs both handlers on {@code cli}.
     *
     * @param program the name errors start with, e.g. {@code glostream-trainer}
     * @param moreUserErrors exceptions that are the input's fault in this program, beyond
     *     {@link IllegalArgumentException} and I/O errors
     * @return {@code cli}
     */
    @SafeVarargs
    public static CommandLine install(CommandLine cli, String program, Class<? extends Exception>... moreUserErrors) {
        List<Class<? extends Exception>> more = List.of(moreUserErrors);
        cli.setParameterExceptionHandler(CommandLineErrors::reportBadArguments);
        cli.setExecutionExceptionHandler((e, command, parsed) -> reportError(program, more, e, command));
        return cli;
    }

    private static int reportBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        String name = cli.getCommandSpec().qualifiedName();
        PrintWriter err = cli.getErr();
        err.println(name + ": " + e.getMessage().replaceAll("\\R", " ") + " (see " + name + " --help)");
        err.flush();
        return EXIT_BAD_INPUT;
    }

    private static int reportError(String program, List<Class<? extends Exception>> moreUserErrors, Exception e,
            CommandLine command) {
        boolean userError = isAny(e, ALWAYS_USER_ERRORS) || isAny(e, moreUserErrors);
        PrintWriter err = command.getErr();
        err.println(program + " " + command.getCommandName() + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        if (Boolean.getBoolean("glostream.debug")) {
            e.printStackTrace(err);
        } else if (!userError) {
            err.println("(an internal error: rerun with -Dglostream.debug=true for the stack trace)");
        }
        err.flush();
        return userError ? EXIT_BAD_INPUT : EXIT_FAILURE;
    }

    private static boolean isAny(Exception e, List<Class<? extends Exception>> types) {
        return types.stream().anyMatch(type -> type.isInstance(e));
    }
}
