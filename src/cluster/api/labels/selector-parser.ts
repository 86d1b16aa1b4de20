/**
 * The label selector string syntax of `kubectl -l` and `?labelSelector=`, parsed exactly as
 * k8s.io/apimachinery pkg/labels/selector.go does (its lexer, its recursive descent, its error texts):
 *
 *   <selector>    ::= <requirement> | <requirement> "," <selector>
 *   <requirement> ::= [!] KEY [ <set-based> | <exact-match> ]
 *   <set-based>   ::= "" | ("in" | "notin") "(" VALUE { "," VALUE } ")"
 *   <exact-match> ::= ("=" | "==" | "!=" | ">" | "<") VALUE
 *
 * e.g. `a=b,c!=d,e in (x,y),f notin (z),g,!h,n>1`. Values inside parentheses may be empty (`x in (,a)`), and
 * `in`/`notin` are plain identifiers wherever a key or value is expected (`in in (in)`).
 */
import { formatFieldError } from '../validation/field-error.ts';
import {
  BINARY_OPERATORS_TEXT,
  SelectorError,
  labelKeyError,
  newRequirement,
  type Operator,
  type Requirement,
} from './requirement.ts';

type Token =
  | 'Error'
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar';

const STRING_TO_TOKEN: ReadonlyMap<string, Token> = new Map<string, Token>([
  [')', 'ClosedPar'],
  [',', 'Comma'],
  ['!', 'DoesNotExist'],
  ['==', 'DoubleEquals'],
  ['=', 'Equals'],
  ['>', 'GreaterThan'],
  ['in', 'In'],
  ['<', 'LessThan'],
  ['!=', 'NotEquals'],
  ['notin', 'NotIn'],
  ['(', 'OpenPar'],
]);

interface Item {
  tok: Token;
  lit: string;
}

const END = '\0';

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecialSymbol(ch: string): boolean {
  return ch.length === 1 && '=!(),><'.includes(ch);
}

/** Go's byte lexer; like Go, a NUL character ends the input. */
class Lexer {
  private pos = 0;
  constructor(private readonly s: string) {}

  private read(): string {
    if (this.pos < this.s.length) return this.s[this.pos++] as string;
    return END;
  }

  private unread(): void {
    this.pos--;
  }

  private scanIdOrKeyword(): Item {
    let buffer = '';
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
    }
    return { tok: STRING_TO_TOKEN.get(buffer) ?? 'Identifier', lit: buffer };
  }

  private scanSpecialSymbol(): Item {
    let last: Item | undefined;
    let buffer = '';
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (!isSpecialSymbol(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
      const tok = STRING_TO_TOKEN.get(buffer);
      if (tok !== undefined) {
        last = { tok, lit: buffer };
      } else if (last !== undefined) {
        this.unread();
        break;
      }
    }
    return last ?? { tok: 'Error', lit: `error expected: keyword found '${buffer}'` };
  }

  lex(): Item {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === END) return { tok: 'EndOfString', lit: '' };
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIdOrKeyword();
  }
}

type Context = 'KeyAndOperator' | 'Values';

class Parser {
  private readonly items: Item[] = [];
  private position = 0;

  constructor(text: string) {
    const lexer = new Lexer(text);
    for (;;) {
      const item = lexer.lex();
      this.items.push(item);
      if (item.tok === 'EndOfString') break;
    }
  }

  // `in` and `notin` are identifiers where values (and keys) are expected.
  private lookahead(context: Context): Item {
    const item = this.items[this.position] as Item;
    return context === 'Values' && (item.tok === 'In' || item.tok === 'NotIn')
      ? { ...item, tok: 'Identifier' }
      : item;
  }

  private consume(context: Context): Item {
    const item = this.lookahead(context);
    this.position++;
    return item;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead('Values');
      if (tok === 'EndOfString') return requirements;
      if (tok !== 'Identifier' && tok !== 'DoesNotExist') {
        throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
      try {
        requirements.push(this.parseRequirement());
      } catch (err) {
        if (err instanceof SelectorError)
          throw new SelectorError(`unable to parse requirement: ${err.message}`);
        throw err;
      }
      const next = this.consume('Values');
      if (next.tok === 'EndOfString') return requirements;
      if (next.tok !== 'Comma')
        throw new SelectorError(`found '${next.lit}', expected: ',' or 'end of string'`);
      const after = this.lookahead('Values');
      if (after.tok !== 'Identifier' && after.tok !== 'DoesNotExist') {
        throw new SelectorError(`found '${after.lit}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'Exists' || operator === 'DoesNotExist') return newRequirement(key, operator, []);
    const op = this.parseOperator();
    const values = op === 'In' || op === 'NotIn' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, op, values);
  }

  private parseKeyAndInferOperator(): { key: string; operator: Operator | undefined } {
    let operator: Operator | undefined;
    let item = this.consume('Values');
    if (item.tok === 'DoesNotExist') {
      operator = 'DoesNotExist';
      item = this.consume('Values');
    }
    if (item.tok !== 'Identifier') throw new SelectorError(`found '${item.lit}', expected: identifier`);
    // The parser has no field path, so Go prints its nil path as "<nil>".
    const keyErr = labelKeyError(item.lit, '<nil>');
    if (keyErr) throw new SelectorError(formatFieldError(keyErr));
    const next = this.lookahead('Values').tok;
    if ((next === 'EndOfString' || next === 'Comma') && operator !== 'DoesNotExist') operator = 'Exists';
    return { key: item.lit, operator };
  }

  private parseOperator(): Operator {
    const { tok, lit } = this.consume('KeyAndOperator');
    switch (tok) {
      case 'In':
        return 'In';
      case 'Equals':
        return '=';
      case 'DoubleEquals':
        return '==';
      case 'GreaterThan':
        return 'Gt';
      case 'LessThan':
        return 'Lt';
      case 'NotIn':
        return 'NotIn';
      case 'NotEquals':
        return '!=';
      default:
        throw new SelectorError(`found '${lit}', expected: ${BINARY_OPERATORS_TEXT.join(', ')}`);
    }
  }

  private parseValues(): string[] {
    const open = this.consume('Values');
    if (open.tok !== 'OpenPar') throw new SelectorError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead('Values');
    if (tok === 'Identifier' || tok === 'Comma') {
      const values = this.parseIdentifiersList();
      if (this.consume('Values').tok !== 'ClosedPar')
        throw new SelectorError(`found '${lit}', expected: ')'`);
      return values;
    }
    if (tok === 'ClosedPar') {
      this.consume('Values');
      return [''];
    }
    throw new SelectorError(`found '${lit}', expected: ',', ')' or identifier`);
  }

  /** A comma-separated list of possibly empty identifiers, as a sorted set (Go's `sets.String.List()`). */
  private parseIdentifiersList(): string[] {
    const set = new Set<string>();
    const list = (): string[] => [...set].sort();
    for (;;) {
      const { tok, lit } = this.consume('Values');
      if (tok === 'Identifier') {
        set.add(lit);
        const next = this.lookahead('Values');
        if (next.tok === 'Comma') continue;
        if (next.tok === 'ClosedPar') return list();
        throw new SelectorError(`found '${next.lit}', expected: ',' or ')'`);
      }
      if (tok === 'Comma') {
        if (set.size === 0) set.add(''); // "(,"
        const next = this.lookahead('Values').tok;
        if (next === 'ClosedPar') {
          set.add(''); // ",)"
          return list();
        }
        if (next === 'Comma') {
          this.consume('Values');
          set.add(''); // ",,"
        }
        continue;
      }
      throw new SelectorError(`found '${lit}', expected: ',', or identifier`);
    }
  }

  private parseExactValue(): string[] {
    const next = this.lookahead('Values').tok;
    if (next === 'EndOfString' || next === 'Comma') return [''];
    const { tok, lit } = this.consume('Values');
    if (tok === 'Identifier') return [lit];
    throw new SelectorError(`found '${lit}', expected: identifier`);
  }
}

/** Parses selector text into requirements in written order; throws `SelectorError` with Go's message. */
export function parseRequirements(text: string): Requirement[] {
  return new Parser(text).parse();
}
