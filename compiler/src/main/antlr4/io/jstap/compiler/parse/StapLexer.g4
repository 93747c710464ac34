/*
 * Tokens of the SystemTap script language, as stap's lexer (parse.cxx, lexer::scan) cuts them.
 *
 * Lexing never fails: text stap would reject becomes a token of its own (JUNK, UNCLOSED_*) so the
 * parser reports it where it stands, with stap's words.
 */
lexer grammar StapLexer;

// Keywords (stap's lexer keyword table).
PROBE: 'probe';
GLOBAL: 'global';
PRIVATE: 'private';
FUNCTION: 'function';
IF: 'if';
ELSE: 'else';
FOR: 'for';
FOREACH: 'foreach';
IN: 'in';
LIMIT: 'limit';
RETURN: 'return';
DELETE: 'delete';
WHILE: 'while';
BREAK: 'break';
CONTINUE: 'continue';
NEXT: 'next';
STRING_KW: 'string';
LONG_KW: 'long';
TRY: 'try';
CATCH: 'catch';

// @-words. Any other @name is a macro use or an unknown operator (AT_IDENT).
AT_DEFINE: '@define';
AT_COUNT: '@count';
AT_SUM: '@sum';
AT_MIN: '@min';
AT_MAX: '@max';
AT_AVG: '@avg';
AT_VARIANCE: '@variance';
AT_HIST_LOG: '@hist_log';
AT_HIST_LINEAR: '@hist_linear';
AT_ENTRY: '@entry';
AT_DEFINED: '@defined';
AT_CAST: '@cast';
AT_VAR: '@var';

// $1, @1, $#, @#: script arguments. A digit run only, like stap ($1abc is $1 then abc).
SCRIPT_ARG: [$@] ([0-9]+ | '#');
AT_IDENT: '@' [a-zA-Z_] [a-zA-Z0-9_$]*;
// A run of dollars alone: the pretty-printing suffix of $var[i]$ and ->$ (before DOLLAR_IDENT on ties).
DOLLARS: '$'+;
DOLLAR_IDENT: '$' [a-zA-Z_$] [a-zA-Z0-9_$]*;
IDENT: [a-zA-Z_] [a-zA-Z0-9_$]*;
// Like stap, a digit followed by any letters and digits; the value is checked when the AST is built.
NUMBER: [0-9] [a-zA-Z0-9]*;

// A backslash escapes any character, a newline included; a raw newline ends an unclosed string.
STRING: '"' (~["\\\n] | '\\' .)* '"';
UNCLOSED_STRING: '"' (~["\\\n] | '\\' .)*;

EMBEDDED: '%{' .*? '%}';
// Never contains "%}", so it only wins (longest match) when EMBEDDED cannot match.
UNCLOSED_EMBEDDED: '%{' (~'%' | '%'+ ~[%}])* '%'*;

LINE_COMMENT: ('#' | '//') ~[\n]* -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;
UNCLOSED_COMMENT: '/*' (~'*' | '*'+ ~[*/])* '*'*;
WS: [ \t\r\n\f\u000B]+ -> skip;

// Preprocessor brackets.
PP_OPEN: '%(';
PP_THEN: '%?';
PP_ELSE: '%:';
PP_CLOSE: '%)';

AGG: '<<<';
SHL_ASSIGN: '<<=';
SHR_ASSIGN: '>>=';
EQ: '==';
NE: '!=';
LE: '<=';
GE: '>=';
MATCH: '=~';
NOMATCH: '!~';
ADD_ASSIGN: '+=';
SUB_ASSIGN: '-=';
MUL_ASSIGN: '*=';
DIV_ASSIGN: '/=';
MOD_ASSIGN: '%=';
AND_ASSIGN: '&=';
XOR_ASSIGN: '^=';
OR_ASSIGN: '|=';
CONCAT_ASSIGN: '.=';
ANDAND: '&&';
OROR: '||';
INC: '++';
DEC: '--';
ARROW: '->';
SHL: '<<';
SHR: '>>';

LPAREN: '(';
RPAREN: ')';
LBRACK: '[';
RBRACK: ']';
LBRACE: '{';
RBRACE: '}';
SEMI: ';';
COMMA: ',';
DOT: '.';
ASSIGN: '=';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
LT: '<';
GT: '>';
BANG: '!';
TILDE: '~';
AMP: '&';
PIPE: '|';
CARET: '^';
QUESTION: '?';
COLON: ':';

// Anything else: a control character, a non-ASCII character, a stray backslash or quote.
JUNK: .;
