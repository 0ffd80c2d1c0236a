/*
 * Parser for Go source, written for tfaudit from "The Go Programming Language Specification".
 *
 * Built for SLL prediction with short lookahead:
 *  - semicolons are real tokens (the lexer inserts them); "may be omitted before ')' or '}'"
 *    is an optional trailing separator, never an empty alternative;
 *  - in expression position types are expressions (as in go/parser): `a.b`, `T(x)`,
 *    `(*T).m`, `[]T{}` are an operand plus suffixes, classified by the model builder;
 *  - binary expressions are a flat operand/operator list; precedence is applied by the
 *    model builder, so no precedence predicates run during prediction;
 *  - the headers of if/for/switch use the *NoLit expression rules, in which a '{' after
 *    a type name starts the block, not a composite literal;
 *  - parameter lists are parsed as lists of (name? type) and classified afterwards.
 * There are no semantic predicates.
 */
parser grammar GoParser;

options {
    tokenVocab = GoLexer;
}

sourceFile
    : packageClause SEMI (importDecl SEMI)* (topLevelDecl SEMI)* EOF
    ;

packageClause
    : PACKAGE IDENTIFIER
    ;

importDecl
    : IMPORT (importSpec | L_PAREN (importSpec (SEMI importSpec)* SEMI?)? R_PAREN)
    ;

importSpec
    : (DOT | IDENTIFIER)? string_
    ;

topLevelDecl
    : declaration
    | functionDecl
    ;

declaration
    : constDecl
    | typeDecl
    | varDecl
    ;

constDecl
    : CONST (constSpec | L_PAREN (constSpec (SEMI constSpec)* SEMI?)? R_PAREN)
    ;

constSpec
    : identifierList (type_? ASSIGN expressionList)?
    ;

varDecl
    : VAR (varSpec | L_PAREN (varSpec (SEMI varSpec)* SEMI?)? R_PAREN)
    ;

varSpec
    : identifierList (type_ (ASSIGN expressionList)? | ASSIGN expressionList)
    ;

typeDecl
    : TYPE (typeSpec | L_PAREN (typeSpec (SEMI typeSpec)* SEMI?)? R_PAREN)
    ;

// `type A[N]int` (array) and `type A[T any] ...` (generic) share their first two tokens;
// the prediction tells them apart by what follows the first identifier inside '['.
typeSpec
    : IDENTIFIER typeParameters ASSIGN? type_
    | IDENTIFIER ASSIGN? type_
    ;

functionDecl
    : FUNC receiver=parameters? IDENTIFIER typeParameters? signature block?
    ;

typeParameters
    : L_BRACKET typeParameterDecl (COMMA typeParameterDecl)* COMMA? R_BRACKET
    ;

typeParameterDecl
    : identifierList typeElem
    ;

identifierList
    : IDENTIFIER (COMMA IDENTIFIER)*
    ;

// ---------------------------------------------------------------------------------------
// Types (in type position)

type_
    : typeName typeArgs?
    | typeLit
    | L_PAREN type_ R_PAREN
    ;

typeName
    : IDENTIFIER (DOT IDENTIFIER)?
    ;

typeArgs
    : L_BRACKET type_ (COMMA type_)* COMMA? R_BRACKET
    ;

typeLit
    : arrayOrSliceType
    | structType
    | pointerType
    | functionType
    | interfaceType
    | mapType
    | channelType
    ;

arrayOrSliceType
    : L_BRACKET (expression | ELLIPSIS)? R_BRACKET type_
    ;

structType
    : STRUCT L_CURLY (fieldDecl (SEMI fieldDecl)* SEMI?)? R_CURLY
    ;

fieldDecl
    : (identifierList type_ | embeddedField) tag=string_?
    ;

embeddedField
    : STAR? typeName typeArgs?
    ;

pointerType
    : STAR type_
    ;

functionType
    : FUNC signature
    ;

interfaceType
    : INTERFACE L_CURLY (interfaceElem (SEMI interfaceElem)* SEMI?)? R_CURLY
    ;

interfaceElem
    : IDENTIFIER signature
    | typeElem
    ;

typeElem
    : typeTerm (OR typeTerm)*
    ;

typeTerm
    : TILDE? type_
    ;

mapType
    : MAP L_BRACKET type_ R_BRACKET type_
    ;

channelType
    : (CHAN RECEIVE? | RECEIVE CHAN) type_
    ;

signature
    : parameters result?
    ;

// A parenthesised result is a parameter list, so the single-type form excludes '('.
result
    : parameters
    | typeName typeArgs?
    | typeLit
    ;

parameters
    : L_PAREN (parameterDecl (COMMA parameterDecl)* COMMA?)? R_PAREN
    ;

// `a, b int` arrives as [a] [b int]; the model builder decides which are names.
parameterDecl
    : IDENTIFIER? ELLIPSIS? type_
    ;

// ---------------------------------------------------------------------------------------
// Statements

block
    : L_CURLY statementList R_CURLY
    ;

statementList
    : statement? (SEMI statement?)*
    ;

statement
    : declaration
    | labeledStmt
    | simpleStmt
    | goStmt
    | returnStmt
    | breakStmt
    | continueStmt
    | gotoStmt
    | fallthroughStmt
    | block
    | ifStmt
    | switchStmt
    | selectStmt
    | forStmt
    | deferStmt
    ;

labeledStmt
    : IDENTIFIER COLON statement?
    ;

simpleStmt
    : expressionList (assignOp expressionList | DEFINE expressionList | INC | DEC | RECEIVE expression)?
    ;

assignOp
    : ASSIGN | PLUS_ASSIGN | MINUS_ASSIGN | STAR_ASSIGN | DIV_ASSIGN | MOD_ASSIGN
    | AND_ASSIGN | OR_ASSIGN | XOR_ASSIGN | SHL_ASSIGN | SHR_ASSIGN | AND_NOT_ASSIGN
    ;

goStmt
    : GO expression
    ;

deferStmt
    : DEFER expression
    ;

returnStmt
    : RETURN expressionList?
    ;

breakStmt
    : BREAK IDENTIFIER?
    ;

continueStmt
    : CONTINUE IDENTIFIER?
    ;

gotoStmt
    : GOTO IDENTIFIER
    ;

fallthroughStmt
    : FALLTHROUGH
    ;

// The simple statement of a header: as simpleStmt, over expressions without composite
// literals, and a `range` operand on the right of '=' or ':='.
headerStmt
    : expressionListNoLit (assignOp rangeOrList | DEFINE rangeOrList | INC | DEC | RECEIVE expressionNoLit)?
    ;

rangeOrList
    : RANGE expressionNoLit
    | expressionListNoLit
    ;

ifStmt
    : IF (SEMI expressionNoLit | headerStmt (SEMI expressionNoLit)?) block (ELSE (ifStmt | block))?
    ;

// switch {}, switch x {}, switch init; x {}, switch init; {}, switch v := x.(type) {}
switchStmt
    : SWITCH headerStmt? (SEMI headerStmt?)? L_CURLY caseClause* R_CURLY
    ;

caseClause
    : (CASE expressionList | DEFAULT) COLON statementList
    ;

selectStmt
    : SELECT L_CURLY commClause* R_CURLY
    ;

commClause
    : (CASE simpleStmt | DEFAULT) COLON statementList
    ;

// for {}, for cond {}, for init; cond; post {}, for k, v := range x {}, for range x {}
forStmt
    : FOR (RANGE expressionNoLit | headerStmt? (SEMI expressionNoLit? SEMI headerStmt?)?) block
    ;

// ---------------------------------------------------------------------------------------
// Expressions

expressionList
    : expression (COMMA expression)*
    ;

expression
    : unaryExpr (binaryOp unaryExpr)*
    ;

// Unary operators bind looser than the suffixes: -x.f(y) is -(x.f(y)). The literal value of
// `[]T{}`, `map[K]V{}` and `struct{...}{}` is a suffix here: were it also part of the operand,
// both readings would stay viable to the literal's end, and SLL prediction would scan every
// literal whole (tens of thousands of tokens for a generated schema, once per nesting level).
// For the same reason a func type's `{` is always its body: `func() int(f)` is a conversion,
// but `func() {...}` a literal.
unaryExpr
    : unaryOp* ((operand | compositeType) suffix* | FUNC signature (block suffix* | suffixNoLit*))
    ;

// A type that may start a composite literal wherever it stands.
compositeType
    : L_BRACKET (expression | ELLIPSIS)? R_BRACKET type_
    | MAP L_BRACKET type_ R_BRACKET type_
    | structType
    ;

binaryOp
    : LOGICAL_OR | LOGICAL_AND
    | EQUALS | NOT_EQUALS | LESS | LESS_EQ | GREATER | GREATER_EQ
    | PLUS | MINUS | OR | CARET
    | STAR | DIV | MOD | SHL | SHR | AMPERSAND | AND_NOT
    ;

unaryOp
    : PLUS | MINUS | EXCLAMATION | CARET | STAR | AMPERSAND | RECEIVE | TILDE
    ;

operand
    : INT_LIT | FLOAT_LIT | IMAGINARY_LIT | RUNE_LIT | RAW_STRING_LIT | INTERPRETED_STRING_LIT
    | IDENTIFIER
    | L_PAREN expression R_PAREN
    | interfaceType
    | CHAN RECEIVE? type_
    ;

suffix
    : DOT IDENTIFIER
    | DOT L_PAREN (TYPE | type_) R_PAREN
    | index
    | arguments
    | literalValue
    ;

index
    : L_BRACKET
      ( COLON expression? (COLON expression)?
      | expression (COLON expression? (COLON expression)? | (COMMA expression)* COMMA?)
      )
      R_BRACKET
    ;

arguments
    : L_PAREN (expression (COMMA expression)* ELLIPSIS? COMMA?)? R_PAREN
    ;

literalValue
    : L_CURLY (keyedElement (COMMA keyedElement)* COMMA?)? R_CURLY
    ;

keyedElement
    : (expression | literalValue) (COLON (expression | literalValue))?
    ;

string_
    : RAW_STRING_LIT
    | INTERPRETED_STRING_LIT
    ;

// The same expressions without composite literals after a type name, for headers.

expressionListNoLit
    : expressionNoLit (COMMA expressionNoLit)*
    ;

expressionNoLit
    : unaryExprNoLit (binaryOp unaryExprNoLit)*
    ;

// After a composite type or a func type, `{` starts its literal even in a header, as in Go.
unaryExprNoLit
    : unaryOp* ((operand | compositeType literalValue?) suffixNoLit* | FUNC signature block? suffixNoLit*)
    ;

suffixNoLit
    : DOT IDENTIFIER
    | DOT L_PAREN (TYPE | type_) R_PAREN
    | index
    | arguments
    ;
