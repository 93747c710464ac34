/*
 * The SystemTap script language, after preprocessing (macros and %( %) conditionals are gone).
 *
 * Expressions are one left-recursive rule whose alternatives follow the precedence levels of stap's
 * recursive descent parser (see expr). Prediction is one token, greedy, like stap's (StapATNSimulator).
 *
 * Errors inside a statement are caught at the statement (see StapParserBase.recoverStatement), so one bad
 * statement does not hide the errors of the next ones. AstBuilder turns the tree into the AST.
 */
parser grammar StapParser;

options {
    tokenVocab = StapLexer;
    superClass = StapParserBase;
    contextSuperClass = StapRuleContext;
}

// ---------------------------------------------------------------- declarations

// A whole source. Errors in a declaration are caught there and parsing resumes at the next declaration
// keyword, as stap does; tokens that cannot start a declaration are skipped by the error strategy.
script
    @init { setScript(_localctx); }
    : declaration* EOF
    ;

declaration
    locals [boolean broken = false]
    : probeDecl
    | globalDecl
    | functionDecl
    | privateDecl
    | EMBEDDED
    ;
    catch [RecognitionException re] { _localctx.broken = true; recoverDeclaration(_localctx.start, re); }
    catch [SyntaxAbort abort] { _localctx.broken = true; recoverDeclaration(_localctx.start, abort); }

exprOnly
    : expr EOF
    ;

// probe a.b = c, d { } (alias), probe a += b { } (epilogue alias), probe p1, p2 { }.
// Every list but the last names an alias; stap accepts a second body after ',' (rejected later).
probeDecl
    : PROBE probePoints (aliasOp probePoints)* block (COMMA block)?
    ;

aliasOp
    : ASSIGN
    | ADD_ASSIGN
    ;

probePoints
    : probePoint (COMMA probePoint)*
    ;

probePoint
    : ppComponent (DOT ppComponent)* ppMarker? (IF LPAREN expr RPAREN)?
    ;

ppMarker
    : QUESTION
    | BANG
    ;

// {a, b}.c is the product a.c, b.c (stap's brace grouping).
ppComponent
    : LBRACE probePoints RBRACE                  # ppGroup
    | ppName (LPAREN ppLiteral RPAREN)?          # ppNamed
    ;

// A name glued from adjacent pieces, so sys_*, *_read and ** are one name; a space ends it.
ppName
    : ppPart ({adjacentToPrevious()}? ppPart)*
    ;

ppPart
    : IDENT
    | STAR
    | keyword
    ;

ppLiteral
    : MINUS? NUMBER
    | stringLit
    | SCRIPT_ARG
    ;

globalDecl
    : GLOBAL globalVars
    ;

privateDecl
    : PRIVATE (GLOBAL globalVars | FUNCTION functionRest | globalVars)
    ;

globalVars
    : globalVar (COMMA globalVar)* SEMI?
    ;

globalVar
    : IDENT PERCENT? (LBRACK signedNumber RBRACK)? (ASSIGN globalInit)?
    ;

globalInit
    : MINUS? NUMBER
    | stringLit
    | SCRIPT_ARG
    ;

signedNumber
    : MINUS? NUMBER
    | SCRIPT_ARG
    ;

functionDecl
    : FUNCTION functionRest
    ;

functionRest
    : name=(IDENT | STRING_KW | LONG_KW) (COLON typeName)? LPAREN (param (COMMA param)*)? RPAREN
      (COLON priority=signedNumber)? (block | EMBEDDED)
    ;

param
    : IDENT (COLON typeName)?
    ;

typeName
    : STRING_KW
    | LONG_KW
    ;

// ---------------------------------------------------------------- statements

block
    : LBRACE statement* RBRACE
    ;

// Like stap, one ';' after a simple statement belongs to it; after a block-like one it is an empty statement.
statement
    locals [boolean broken = false]
    : SEMI                                                                  # emptyStmt
    | block                                                                 # blockStmt
    | TRY block CATCH (LPAREN IDENT RPAREN)? block                          # tryStmt
    | IF LPAREN expr RPAREN statement (ELSE statement)?                     # ifStmt
    | FOR LPAREN init=expr? SEMI cond=expr? SEMI update=expr? RPAREN statement   # forStmt
    | FOREACH LPAREN foreachHead RPAREN statement                           # foreachStmt
    | WHILE LPAREN expr RPAREN statement                                    # whileStmt
    | RETURN expr? SEMI?                                                    # returnStmt
    | DELETE expr SEMI?                                                     # deleteStmt
    | BREAK SEMI?                                                           # breakStmt
    | CONTINUE SEMI?                                                        # continueStmt
    | NEXT SEMI?                                                            # nextStmt
    | expr SEMI?                                                            # exprStmt
    ;
    catch [RecognitionException re] { _localctx.broken = true; recoverStatement(_localctx.start, re); }
    catch [SyntaxAbort abort] { _localctx.broken = true; recoverStatement(_localctx.start, abort); }

// foreach ([v[+-] =] key[+-] | [k1, k2-] in array[slice] [@stat][+-] [limit N])
foreachHead
    : (value=IDENT valueSort=sortMark? ASSIGN)? foreachKeys IN array=IDENT
      (LBRACK indexItem (COMMA indexItem)* RBRACK)? sortStat=statsFn? arraySort=sortMark? (LIMIT expr)?
    ;

foreachKeys
    : foreachKey                                        # bareKey
    | LBRACK foreachKey (COMMA foreachKey)* RBRACK      # bracketKeys
    ;

foreachKey
    : IDENT sortMark?
    ;

sortMark
    : PLUS
    | MINUS
    ;

// ---------------------------------------------------------------- expressions

// One left-recursive rule, tightest first, in the order of stap's recursive descent parser (parse.cxx:
// parse_dwarf_value up to parse_assignment): postfix ++/--, prefix ++/--, unary + - ! ~, * / %, + -,
// '.', << >>, =~ !~, comparisons, 'in', &, ^, |, &&, ||, ?: and the assignments (right associative).
// An assignment's target is thus a ternary and the ternary's false branch a ternary, as in stap. What
// stap's grammar forbids and this one lets through (a bracketed 'in' as an operand of a tighter
// operator, 'in' or '=~' chained) is rejected when the AST is built (ExprBuilder).
expr
    : dwarfValue                                                    # valueExpr
    | LBRACK inKey (COMMA inKey)* RBRACK IN IDENT                   # bracketInExpr
    | expr op=(INC | DEC)                                           # postIncExpr
    | op=(INC | DEC) expr                                           # preIncExpr
    | op=(PLUS | MINUS | BANG | TILDE) expr                         # unaryExpr
    | expr op=(STAR | SLASH | PERCENT) expr                         # mulExpr
    | expr op=(PLUS | MINUS) expr                                   # addExpr
    | expr DOT expr                                                 # concatExpr
    | expr op=(SHL | SHR) expr                                      # shiftExpr
    | expr op=(MATCH | NOMATCH) stringLit                           # regexExpr
    | expr op=(LT | GT | LE | GE | EQ | NE) expr                    # compareExpr
    | expr IN IDENT                                                 # inExpr
    | expr AMP expr                                                 # bitAndExpr
    | expr CARET expr                                               # bitXorExpr
    | expr PIPE expr                                                # bitOrExpr
    | expr ANDAND expr                                              # andExpr
    | expr OROR expr                                                # orExpr
    | <assoc = right> expr QUESTION expr COLON expr                 # ternaryExpr
    | <assoc = right> expr assignOp expr                            # assignExpr
    ;

assignOp
    : ASSIGN | AGG | ADD_ASSIGN | SUB_ASSIGN | MUL_ASSIGN | DIV_ASSIGN | MOD_ASSIGN
    | SHL_ASSIGN | SHR_ASSIGN | AND_ASSIGN | XOR_ASSIGN | OR_ASSIGN | CONCAT_ASSIGN
    ;

inKey
    : STAR
    | expr
    ;

// A value with the context-variable suffixes: &$x->a[2], @cast(p, "t")->f$, $var$$.
dwarfValue
    : AMP? primary memberSuffix* DOLLARS?
    ;

memberSuffix
    : ARROW memberName
    | LBRACK expr RBRACK
    ;

memberName
    : IDENT
    | keyword
    | DOLLARS
    ;

primary
    : LPAREN expr RPAREN                                                  # parenExpr
    | NUMBER                                                              # numberExpr
    | stringLit                                                           # stringExpr
    | SCRIPT_ARG                                                          # scriptArgExpr
    | EMBEDDED                                                            # embeddedExpr
    | DOLLAR_IDENT                                                        # targetExpr
    | AT_CAST LPAREN expr COMMA stringLit (COMMA stringLit)? RPAREN       # castExpr
    | AT_VAR LPAREN stringLit (COMMA stringLit)? RPAREN                   # atVarExpr
    | AT_DEFINED LPAREN expr RPAREN                                       # definedExpr
    | AT_ENTRY LPAREN expr RPAREN                                         # entryExpr
    | statsFn LPAREN expr (COMMA signedNumber)? RPAREN                    # statsExpr
    | histOp (LBRACK indexItem (COMMA indexItem)* RBRACK)?                # histExpr
    | AT_IDENT (LPAREN (expr (COMMA expr)*)? RPAREN)?                     # unknownAtExpr
    | IDENT LPAREN (expr (COMMA expr)*)? RPAREN                           # callExpr
    | IDENT (LBRACK indexItem (COMMA indexItem)* RBRACK)?                 # symbolExpr
    ;

histOp
    : AT_HIST_LOG LPAREN expr RPAREN                                                          # histLog
    | AT_HIST_LINEAR LPAREN expr COMMA signedNumber COMMA signedNumber COMMA signedNumber RPAREN   # histLinear
    ;

statsFn
    : AT_COUNT | AT_SUM | AT_MIN | AT_MAX | AT_AVG | AT_VARIANCE
    ;

indexItem
    : STAR
    | expr
    ;

// Adjacent string literals are one literal, as in stap.
stringLit
    : STRING+
    ;

keyword
    : PROBE | GLOBAL | PRIVATE | FUNCTION | IF | ELSE | FOR | FOREACH | IN | LIMIT | RETURN | DELETE
    | WHILE | BREAK | CONTINUE | NEXT | STRING_KW | LONG_KW | TRY | CATCH
    ;
