package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * One run of the front end over a source: lex, preprocess, then parse and build one declaration at a
 * time. Each declaration is parsed first in ANTLR's fast SLL mode, bailing out at the first problem, and
 * only then again in full LL mode with error reporting. After an error the parser skips to the next
 * declaration keyword, as stap does, so one run reports the errors of many declarations.
 */
final class FrontEnd {
    private final Source source;
    private final Diagnostics diagnostics = new Diagnostics();
    private final BuildContext build;
    private final StapErrorStrategy strategy;
    private final List<Decl.Macro> macros;
    private final CommonTokenStream stream;
    private final StapParser parser;

    FrontEnd(Source source, PreprocessorContext ctx) {
        this.source = source;
        this.build = new BuildContext(source, diagnostics, ctx);
        this.strategy = new StapErrorStrategy(source);
        List<Token> lexed = Lexing.tokens(source, diagnostics);
        Preprocessor.Result pp = Preprocessor.run(source, lexed, ctx, diagnostics, Lexing.MAX_TOKENS);
        this.macros = pp.macros();
        List<Token> tokens = pp.tokens();
        tokens.add(Lexing.eof(source, tokens));
        this.stream = new PresizedTokenStream(tokens, source.name());
        this.parser = new StapParser(stream);
        parser.removeErrorListeners();
        parser.configure(source, diagnostics, strategy);
    }

    /** Whether the source was cut short for size: then it is not parsed at all (errors would be noise). */
    private boolean truncated() {
        return diagnostics.list().stream().anyMatch(d -> d.code().equals(ParseCodes.TOO_LARGE));
    }

    ParseResult script() {
        Span whole = new Span(source, 1, 1, 0, source.text().length());
        if (truncated()) {
            return new ParseResult(new Script(whole, List.of(), macros), sorted());
        }
        StapParser.ScriptContext tree;
        try {
            tree = twoStage(0, parser::script);
        } catch (SyntaxAbort abort) {
            // Too many errors: keep what parsed before the parser gave up.
            if (abort.diagnostic != null) {
                diagnostics.add(abort.diagnostic);
            }
            tree = (StapParser.ScriptContext) parser.scriptTree();
        }
        AstBuilder builder = new AstBuilder(build);
        List<Decl> decls = new ArrayList<>();
        for (StapParser.DeclarationContext ctx : tree.declaration()) {
            if (!ctx.broken) {
                Decl d = builder.declaration(ctx);
                if (d != null) {
                    decls.add(d);
                }
            }
        }
        return new ParseResult(new Script(whole, decls, macros), sorted());
    }

    ExprResult expression() {
        Expr expr = null;
        try {
            if (truncated()) {
                return new ExprResult(null, sorted());
            }
            if (stream.LA(1) == Token.EOF) {
                Token eof = stream.LT(1);
                diagnostics.add(Diagnostic.parseError(ParseCodes.SYNTAX, "expected expression",
                        Tokens.span(source, eof), "saw: end of file"));
            } else {
                expr = new AstBuilder(build).expression(twoStage(stream.index(), parser::exprOnly).expr());
            }
        } catch (SyntaxAbort abort) {
            if (abort.diagnostic != null) {
                diagnostics.add(abort.diagnostic);
            }
        }
        Diagnostics sorted = sorted();
        return new ExprResult(sorted.hasErrors() ? null : expr, sorted);
    }

    /** SLL with bail-out first; on any error, again from {@code start} in LL mode, reporting errors. */
    private <T extends ParserRuleContext> T twoStage(int start, Supplier<T> rule) {
        parser.setBailing(true);
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return rule.get();
        } catch (ParseCancellationException e) {
            stream.seek(start);
            parser.setBailing(false);
            parser.setErrorHandler(strategy);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return rule.get();
        }
    }

    /** Diagnostics in source order: the preprocessor's and the parser's interleave as the user reads them. */
    private Diagnostics sorted() {
        List<Diagnostic> all = new ArrayList<>(diagnostics.list());
        all.sort((a, b) -> Integer.compare(a.span().offset(), b.span().offset()));
        Diagnostics out = new Diagnostics();
        all.forEach(out::add);
        return out;
    }
}
