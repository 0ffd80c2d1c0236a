package io.tfaudit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Lets tests of other packages run the command line in process. */
public final class MainAccess {

    private MainAccess() {}

    /** Runs a command with its standard output and standard error kept apart. */
    public static int run(String[] args, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    public static int run(String[] args, ByteArrayOutputStream out) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Main.run(args, ps, ps);
    }
}
