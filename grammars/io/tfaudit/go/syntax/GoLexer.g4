/*
 * Lexer for Go source, written for tfaudit from "The Go Programming Language Specification".
 *
 * Automatic semicolons are not decided here but in GoLexerBase: every newline is an NL token,
 * and the base class turns it into a SEMI when the spec's rule says so. Comments are kept
 * aside by the base class so that doc comments can be attached afterwards.
 */
lexer grammar GoLexer;

options {
    superClass = GoLexerBase;
}

// Keywords
BREAK       : 'break';
CASE        : 'case';
CHAN        : 'chan';
CONST       : 'const';
CONTINUE    : 'continue';
DEFAULT     : 'default';
DEFER       : 'defer';
ELSE        : 'else';
FALLTHROUGH : 'fallthrough';
FOR         : 'for';
FUNC        : 'func';
GO          : 'go';
GOTO        : 'goto';
IF          : 'if';
IMPORT      : 'import';
INTERFACE   : 'interface';
MAP         : 'map';
PACKAGE     : 'package';
RANGE       : 'range';
RETURN      : 'return';
SELECT      : 'select';
STRUCT      : 'struct';
SWITCH      : 'switch';
TYPE        : 'type';
VAR         : 'var';

IDENTIFIER : LETTER (LETTER | UNICODE_DIGIT)*;

// Assignment operators, longest first where they share a prefix.
DEFINE          : ':=';
ASSIGN          : '=';
PLUS_ASSIGN     : '+=';
MINUS_ASSIGN    : '-=';
STAR_ASSIGN     : '*=';
DIV_ASSIGN      : '/=';
MOD_ASSIGN      : '%=';
AND_ASSIGN      : '&=';
OR_ASSIGN       : '|=';
XOR_ASSIGN      : '^=';
SHL_ASSIGN      : '<<=';
SHR_ASSIGN      : '>>=';
AND_NOT_ASSIGN  : '&^=';

// Operators
LOGICAL_OR  : '||';
LOGICAL_AND : '&&';
EQUALS      : '==';
NOT_EQUALS  : '!=';
LESS        : '<';
LESS_EQ     : '<=';
GREATER     : '>';
GREATER_EQ  : '>=';
PLUS        : '+';
MINUS       : '-';
OR          : '|';
CARET       : '^';
STAR        : '*';
DIV         : '/';
MOD         : '%';
SHL         : '<<';
SHR         : '>>';
AMPERSAND   : '&';
AND_NOT     : '&^';
EXCLAMATION : '!';
TILDE       : '~';
RECEIVE     : '<-';
INC         : '++';
DEC         : '--';
ELLIPSIS    : '...';

// Punctuation
L_PAREN   : '(';
R_PAREN   : ')';
L_BRACKET : '[';
R_BRACKET : ']';
L_CURLY   : '{';
R_CURLY   : '}';
COMMA     : ',';
SEMI      : ';';
DOT       : '.';
COLON     : ':';

// Literals. A float needs a '.' or an exponent; an integer has neither, so the longest
// match separates them without lookahead tricks.
IMAGINARY_LIT : (DECIMAL_DIGITS | INT_FORM | FLOAT_FORM) 'i';
FLOAT_LIT     : FLOAT_FORM;
INT_LIT       : INT_FORM;

RUNE_LIT : '\'' (~['\\\r\n] | ESCAPE) '\'';

RAW_STRING_LIT         : '`' ~'`'* '`';
INTERPRETED_STRING_LIT : '"' (~["\\\r\n] | ESCAPE)* '"';

// Whitespace and comments
// No lexer commands here (they cost an action per match): GoLexerBase drops whitespace and
// newlines and keeps comments aside, so none of these reach the parser.
WS            : [ \t\r\u000C]+;
NL            : '\n';
BLOCK_COMMENT : '/*' .*? '*/';
LINE_COMMENT  : '//' ~[\r\n]*;

// Anything else is one bad character: the parser reports it where it stands.
ILLEGAL : . ;

fragment INT_FORM
    : '0'
    | [1-9] ('_'? DECIMAL_DIGITS)?
    | '0' [bB] ('_'? BIN_DIGIT)+
    | '0' [oO] ('_'? OCT_DIGIT)+
    | '0' '_'? OCT_DIGIT ('_'? OCT_DIGIT)*
    | '0' [xX] ('_'? HEX_DIGIT)+
    ;

fragment FLOAT_FORM
    : DECIMAL_DIGITS '.' DECIMAL_DIGITS? DECIMAL_EXPONENT?
    | DECIMAL_DIGITS DECIMAL_EXPONENT
    | '.' DECIMAL_DIGITS DECIMAL_EXPONENT?
    | '0' [xX] HEX_MANTISSA HEX_EXPONENT
    ;

fragment HEX_MANTISSA
    : '_'? HEX_DIGITS ('.' HEX_DIGITS?)?
    | '.' HEX_DIGITS
    ;

fragment DECIMAL_DIGITS   : DECIMAL_DIGIT ('_'? DECIMAL_DIGIT)*;
fragment HEX_DIGITS       : HEX_DIGIT ('_'? HEX_DIGIT)*;
fragment DECIMAL_EXPONENT : [eE] [+-]? DECIMAL_DIGITS;
fragment HEX_EXPONENT     : [pP] [+-]? DECIMAL_DIGITS;

fragment ESCAPE
    : '\\' [abfnrtv\\'"]
    | '\\' OCT_DIGIT OCT_DIGIT OCT_DIGIT
    | '\\x' HEX_DIGIT HEX_DIGIT
    | '\\u' HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT
    | '\\U' HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT
    ;

fragment DECIMAL_DIGIT : [0-9];
fragment BIN_DIGIT     : [01];
fragment OCT_DIGIT     : [0-7];
fragment HEX_DIGIT     : [0-9a-fA-F];
fragment LETTER        : [\p{L}] | '_';
fragment UNICODE_DIGIT : [\p{Nd}];
