package io.glostream.trainer.cli;

import io.glostream.trainer.TrainerCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One CLI invocation with its exit code and captured output. */
record CliRun(int exitCode, String stdout, String stderr) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TrainerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
