package io.jstap.runtime.live.commands;

import io.jstap.compiler.complete.ArgKind;
import io.jstap.compiler.complete.CommandInfo;
import io.jstap.runtime.live.LiveSession;
import io.jstap.runtime.live.Snippet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Commands on the snippet set: {@code :list :drop :edit :save :load :reset :history}. */
final class SnippetCommands {

    private SnippetCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command.Simple(new CommandInfo("list", "list the running snippets", List.of(),
                        List.of(new CommandInfo.Flag("--all", null, "every snippet entered, with its status"))),
                        ":list [--all]\n  The declarations that make up the running module, by id. With --all,\n"
                                + "  every snippet entered, with its status (dropped, overwritten, rejected, ...).",
                        SnippetCommands::list),
                new Command.Simple(new CommandInfo("drop", "remove a snippet (detaches a probe)",
                        List.of(ArgKind.SNIPPET), List.of()),
                        ":drop ID|NAME\n  Removes a snippet: #3 or 3, or a global, function or macro name, or probe\n"
                                + "  points as listed. The module is reloaded without it; a probe is detached.",
                        SnippetCommands::drop),
                new Command.Simple(new CommandInfo("edit", "change a snippet in $EDITOR", List.of(ArgKind.SNIPPET),
                        List.of()),
                        ":edit ID|NAME\n  Opens the snippet in $EDITOR (or inline without one). The edited text\n"
                                + "  replaces it in one reload; if it does not compile the old one keeps running.",
                        SnippetCommands::edit),
                new Command.Simple(new CommandInfo("save", "write the session as a runnable script",
                        List.of(ArgKind.FILE), List.of()),
                        ":save FILE\n  Writes the running snippets to FILE as a script jstap or stap can run.\n"
                                + "  A new file is created readable by you only (0600).",
                        SnippetCommands::save),
                new Command.Simple(new CommandInfo("load", "add the declarations of a script file",
                        List.of(ArgKind.FILE), List.of()),
                        ":load FILE\n  Adds every declaration of FILE to the session in one reload. If the file\n"
                                + "  cannot be read or does not compile, nothing changes.",
                        SnippetCommands::load),
                new Command.Simple(new CommandInfo("reset", "drop every snippet and unload everything", List.of(),
                        List.of()),
                        ":reset\n  Drops every snippet, detaches every probe and frees every map. End probes\n"
                                + "  do not run.",
                        (ctx, a) -> CommandResult.events(ctx.session().reset())),
                new Command.Simple(new CommandInfo("history", "list the inputs of this session", List.of(), List.of()),
                        ":history\n  Every input evaluated in this session, in order.", SnippetCommands::history));
    }

    private static CommandResult list(CommandContext ctx, Args args) {
        LiveSession s = ctx.session();
        List<Snippet> shown = args.has("--all") ? s.allSnippets() : s.snippets();
        if (shown.isEmpty()) {
            return CommandResult.text(args.has("--all") ? "no snippets yet\n" : "no running snippets\n");
        }
        Table t = new Table();
        for (Snippet sn : shown) {
            if (args.has("--all")) {
                t.row("#" + sn.id(), sn.kind().toString(), String.valueOf(s.status(sn)).toLowerCase(java.util.Locale.ROOT),
                        sn.summary(100));
            } else {
                t.row("#" + sn.id(), sn.kind().toString(), sn.summary(100));
            }
        }
        return CommandResult.text(t.render("  "));
    }

    private static CommandResult drop(CommandContext ctx, Args args) {
        Snippet s = ctx.session().findOne(args.require(0, "snippet id or name"));
        return CommandResult.events(ctx.session().drop(s));
    }

    private static CommandResult edit(CommandContext ctx, Args args) {
        Snippet s = ctx.session().findOne(args.require(0, "snippet id or name"));
        if (ctx.editor() == null) {
            return CommandResult.error("no editor available");
        }
        String text;
        try {
            text = ctx.editor().edit(s.source());
        } catch (IOException e) {
            return CommandResult.error("editing failed: " + e.getMessage());
        }
        if (text == null || text.strip().equals(s.source().strip())) {
            return CommandResult.text("#" + s.id() + " unchanged\n");
        }
        return CommandResult.events(ctx.session().replace(s, text));
    }

    private static CommandResult save(CommandContext ctx, Args args) {
        Path file = Path.of(args.require(0, "file name"));
        String script = ctx.session().script();
        try {
            write(file, script);
        } catch (IOException e) {
            return CommandResult.error("cannot write " + file + ": " + reason(e));
        }
        int n = ctx.session().snippets().size();
        return CommandResult.text("saved " + n + " snippet" + (n == 1 ? "" : "s") + " to " + file + "\n");
    }

    /** Creates the file 0600 (an existing file keeps its permissions) and writes the text. */
    static void write(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // rewritten below, permissions as the user left them
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    private static CommandResult load(CommandContext ctx, Args args) {
        Path file = Path.of(args.require(0, "file name"));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return CommandResult.error("cannot read " + file + ": " + reason(e));
        }
        if (text.isBlank()) {
            return CommandResult.text(file + " declares nothing\n");
        }
        return CommandResult.events(ctx.session().load(text));
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.charset.CharacterCodingException || e instanceof java.nio.charset.MalformedInputException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static CommandResult history(CommandContext ctx, Args args) {
        List<String> h = ctx.session().history();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < h.size(); i++) {
            String[] lines = h.get(i).strip().split("\n", -1);
            sb.append(String.format("%4d  %s%n", i + 1, lines[0]));
            for (int k = 1; k < lines.length; k++) {
                sb.append("      ").append(lines[k]).append('\n');
            }
        }
        return CommandResult.text(sb.toString());
    }
}
