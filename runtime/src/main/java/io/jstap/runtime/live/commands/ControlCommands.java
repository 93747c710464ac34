package io.jstap.runtime.live.commands;

import io.jstap.compiler.complete.ArgKind;
import io.jstap.compiler.complete.CommandInfo;
import io.jstap.runtime.live.LiveOptions;
import io.jstap.runtime.live.ProbeView;
import java.util.List;
import java.util.Map;

/** Commands on the running session: {@code :probes :pause :resume :set :show :help :quit}. */
final class ControlCommands {

    private ControlCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command.Simple(new CommandInfo("probes", "list probes: points, attachments, hits, errors",
                        List.of(), List.of()),
                        ":probes\n  Every probe snippet: how many points it names, how many attachments it holds,\n"
                                + "  how often it ran, its run-time errors and its rate since the last :probes.",
                        ControlCommands::probes),
                new Command.Simple(new CommandInfo("pause", "detach every probe (values stay)", List.of(), List.of()),
                        ":pause\n  Detaches every kernel probe and stops timers. Maps and values stay.",
                        (ctx, a) -> {
                            ctx.session().pause();
                            return CommandResult.text("paused: every probe is detached\n");
                        }),
                new Command.Simple(new CommandInfo("resume", "attach every probe again", List.of(), List.of()),
                        ":resume\n  Attaches every probe again and restarts timers.", (ctx, a) -> {
                            String failure = ctx.session().resume();
                            return failure == null ? CommandResult.text("resumed\n") : CommandResult.error(failure);
                        }),
                new Command.Simple(new CommandInfo("set", "change a setting", List.of(ArgKind.OPTION,
                        ArgKind.OPTION_VALUE), List.of()),
                        ":set NAME VALUE\n  Changes a setting (:show lists them). New limits recompile the session;\n"
                                + "  if that fails nothing changes.", ControlCommands::set),
                new Command.Simple(new CommandInfo("show", "list settings", List.of(ArgKind.OPTION), List.of()),
                        ":show [NAME]\n  The settings and their values.", ControlCommands::show),
                new Command.Simple(new CommandInfo("help", "list commands, or explain one", List.of(ArgKind.COMMAND),
                        List.of()),
                        ":help [COMMAND]\n  Lists the commands, or explains one. Anything else you type is SystemTap:\n"
                                + "  declarations join the running module, statements and expressions run now.",
                        ControlCommands::help),
                new Command.Simple(new CommandInfo("quit", "run end probes, detach everything and leave", List.of(),
                        List.of()),
                        ":quit\n  Runs end probes once, shows the globals stap shows at exit, detaches and\n"
                                + "  unloads everything. Ctrl-D on an empty line does the same.",
                        (ctx, a) -> {
                            ctx.session().close();
                            return CommandResult.quit("");
                        }));
    }

    private static CommandResult probes(CommandContext ctx, Args args) {
        List<ProbeView> views = ctx.session().probes();
        if (views.isEmpty()) {
            return CommandResult.text("no probes\n");
        }
        Table t = new Table().header("", "probe", "points", "attached", "hits", "errors", "per s").right(2, 3, 4, 5, 6);
        for (ProbeView p : views) {
            String rate = Double.isNaN(p.perSecond()) ? "-" : String.format("%.1f", p.perSecond());
            t.row("#" + p.snippet().id(), p.snippet().name(), Integer.toString(p.points().size()),
                    Integer.toString(p.attachments()), p.hits() < 0 ? "?" : Long.toString(p.hits()),
                    Long.toString(p.errors()), rate);
        }
        String note = ctx.session().paused() ? "  (paused)\n" : "";
        return CommandResult.text(t.render("  ") + note);
    }

    private static CommandResult set(CommandContext ctx, Args args) {
        String name = args.require(0, "setting name (:show lists them)");
        String value = args.require(1, "value for " + name);
        List<String> notices = ctx.session().set(name, value);
        StringBuilder sb = new StringBuilder();
        LiveOptions.Option o = LiveOptions.find(name);
        sb.append(o.name()).append(" = ").append(ctx.session().options().values().get(o.name())).append('\n');
        notices.forEach(n -> sb.append(n).append('\n'));
        return CommandResult.text(sb.toString());
    }

    private static CommandResult show(CommandContext ctx, Args args) {
        Map<String, String> values = ctx.session().options().values();
        Table t = new Table();
        for (LiveOptions.Option o : LiveOptions.ALL) {
            if (args.get(0) == null || o == LiveOptions.find(args.get(0))) {
                t.row(o.name(), values.get(o.name()), o.description());
            }
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no setting " + args.get(0));
        }
        return CommandResult.text(t.render("  "));
    }

    private static CommandResult help(CommandContext ctx, Args args) {
        if (args.get(0) != null) {
            return CommandResult.text(ctx.table().lookup(args.get(0)).help() + "\n");
        }
        Table t = new Table();
        for (Command c : ctx.table().commands()) {
            t.row(":" + c.name() + usage(c.info()), c.info().description());
        }
        return CommandResult.text(t.render("  ") + "  Commands may be shortened: :du for :dump.\n"
                + "  Anything else is SystemTap: declarations join the session, statements run now.\n");
    }

    private static String usage(CommandInfo info) {
        StringBuilder sb = new StringBuilder();
        for (ArgKind k : info.args()) {
            sb.append(' ').append(placeholder(k));
        }
        return sb.toString();
    }

    private static String placeholder(ArgKind k) {
        switch (k) {
            case GLOBAL:
                return "NAME";
            case SNIPPET:
                return "ID|NAME";
            case FILE:
                return "FILE";
            case OPTION:
                return "SETTING";
            case OPTION_VALUE:
                return "VALUE";
            case COMMAND:
                return "[COMMAND]";
            default:
                return "ARG";
        }
    }
}
