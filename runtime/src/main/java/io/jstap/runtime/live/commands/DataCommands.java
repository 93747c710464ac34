package io.jstap.runtime.live.commands;

import io.jstap.compiler.complete.ArgKind;
import io.jstap.compiler.complete.CommandInfo;
import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.runtime.live.GlobalView;
import io.jstap.runtime.live.LiveSession;
import java.util.List;

/** Commands on the globals' values: {@code :globals :dump :clear}. */
final class DataCommands {

    private DataCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command.Simple(new CommandInfo("globals", "list globals: type, entries, storage", List.of(),
                        List.of()),
                        ":globals\n  Every declared global with its type, the number of entries it holds and\n"
                                + "  where it lives (the BPF map kind, or memory for globals only userspace uses).",
                        DataCommands::globals),
                new Command.Simple(new CommandInfo("dump", "show a global's values", List.of(ArgKind.GLOBAL), List.of(
                        new CommandInfo.Flag("--sort", "key|value", "order by key, or by value ascending"),
                        new CommandInfo.Flag("--desc", null, "reverse the order"),
                        new CommandInfo.Flag("--top", "N", "show the first N entries"),
                        new CommandInfo.Flag("--json", null, "one JSON object"))),
                        ":dump NAME [--sort key|value] [--desc] [--top N] [--json]\n"
                                + "  Shows a global now. Arrays are listed largest value first unless --sort is\n"
                                + "  given; statistics as count, sum, min, max and avg, with their histograms.",
                        DataCommands::dump),
                new Command.Simple(new CommandInfo("clear", "delete every element of a global",
                        List.of(ArgKind.GLOBAL), List.of()),
                        ":clear NAME\n  Deletes every element of an array (a scalar reads 0 or \"\" again), as\n"
                                + "  'delete NAME' does.",
                        DataCommands::clear));
    }

    private static CommandResult globals(CommandContext ctx, Args args) {
        List<GlobalView> views = ctx.session().globals();
        if (views.isEmpty()) {
            return CommandResult.text("no globals\n");
        }
        Table t = new Table().header("name", "type", "entries", "storage", "snippet").right(2);
        for (GlobalView g : views) {
            t.row(g.name(), g.type().isEmpty() ? "?" : g.type(), g.entries() < 0 ? "-" : Integer.toString(g.entries()),
                    g.storage(), "#" + g.snippet());
        }
        return CommandResult.text(t.render("  "));
    }

    /** The global's declaration, or IllegalArgumentException saying why there are no values to show. */
    static GlobalDecl decl(LiveSession s, String name) {
        return s.global(name).orElseThrow(() -> {
            boolean declared = s.globals().stream().anyMatch(g -> g.name().equals(name));
            return new IllegalArgumentException(declared ? "global " + name + " has no values yet: nothing uses it"
                    : "no global " + name + " (:globals lists them)");
        });
    }

    private static CommandResult dump(CommandContext ctx, Args args) {
        String name = args.require(0, "global name");
        GlobalDecl g = decl(ctx.session(), name);
        String sort = args.flag("--sort");
        if (sort != null && !sort.equals("key") && !sort.equals("value")) {
            throw new IllegalArgumentException("--sort takes key or value, not " + sort);
        }
        int top = 0;
        if (args.has("--top")) {
            try {
                top = Integer.parseInt(args.flag("--top"));
            } catch (NumberFormatException e) {
                top = -1;
            }
            if (top <= 0) {
                throw new IllegalArgumentException("--top takes a positive number, not " + args.flag("--top"));
            }
        }
        Dump.Options o = new Dump.Options(sort, args.has("--desc"), top, args.has("--json"));
        MapStore store = ctx.session().store();
        List<MapStore.Entry> entries = store.entries(name);
        String type = ctx.session().globals().stream().filter(v -> v.name().equals(name)).map(GlobalView::type)
                .findFirst().orElse(g.valueType().toString());
        return CommandResult.text(o.json() ? Dump.json(g, type, entries, o) : Dump.text(g, entries, o));
    }

    private static CommandResult clear(CommandContext ctx, Args args) {
        String name = args.require(0, "global name");
        decl(ctx.session(), name);
        ctx.session().store().clear(name);
        return CommandResult.text("cleared " + name + "\n");
    }
}
