package io.jstap.compiler.exec;

/**
 * Control of the run: {@code exit()} asks for shutdown and lets the handler finish, as
 * stap's does; {@code abort()} stops at once without end probes; {@code error(msg)} raises a
 * catchable run-time error; {@code warn} and {@code log} write messages.
 */
final class ControlBuiltins {

    private ControlBuiltins() {
    }

    static void register(Builtins b) {
        b.add("exit", (x, site, args) -> {
            x.interp.requestExit();
            return null;
        });
        b.add("abort", (x, site, args) -> {
            x.interp.requestExit();
            throw new Execution.Aborted();
        });
        b.add("error", (x, site, args) -> {
            throw new ProbeError(x.str((String) args.get(0)), Tokens.near(site));
        });
        b.add("warn", (x, site, args) -> {
            x.interp.sink().warning((String) args.get(0));
            return null;
        });
        b.add("log", (x, site, args) -> {
            x.interp.sink().print(args.get(0) + "\n");
            return null;
        });
    }
}
