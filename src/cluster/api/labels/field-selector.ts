/**
 * Field selectors (`kubectl --field-selector`, `?fieldSelector=`), parsed as k8s.io/apimachinery
 * pkg/fields/selector.go `ParseSelector` does: terms joined by `,`, each `field=value`, `field==value` or
 * `field!=value`; a value may escape `\`, `,` and `=` with a backslash. Which fields a resource supports is
 * the API server's business: it reads `requirements` (and answers `field label not supported: <field>`).
 *
 *   parseFieldSelector('spec.nodeName=node-1,status.phase!=Failed')
 *     .matches((f) => ({ 'spec.nodeName': 'node-1', 'status.phase': 'Running' })[f])  -> true
 */
import { SelectorError } from './requirement.ts';

export interface FieldRequirement {
  readonly field: string;
  /** `==` is read as `=`, as in Go. */
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** Backslash-escapes `\`, `,` and `=` so any value survives a round trip through the string form. */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (ch) => `\\${ch}`);
}

/**
 * Undoes `escapeFieldValue`. Errors as Go words them: `invalid field selector: invalid escape sequence: \x`,
 * and, for a bare `=` or `,`, `invalid field selector: unescaped character in value: 61` (Go prints the
 * rune as a number).
 */
export function unescapeFieldValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const ch of s) {
    if (inSlash) {
      if (ch !== '\\' && ch !== ',' && ch !== '=') {
        throw new SelectorError(`invalid field selector: invalid escape sequence: \\${ch}`);
      }
      out += ch;
      inSlash = false;
    } else if (ch === '\\') {
      inSlash = true;
    } else if (ch === ',' || ch === '=') {
      throw new SelectorError(`invalid field selector: unescaped character in value: ${ch.codePointAt(0)}`);
    } else {
      out += ch;
    }
  }
  if (inSlash) throw new SelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** Splits on commas that are not backslash-escaped; the escapes stay in the terms. */
function splitTerms(s: string): string[] {
  if (s.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

const TERM_OPERATORS = ['!=', '==', '='] as const;

/** The first operator in the term splits it; the field part has no escaping. */
function splitTerm(
  term: string,
): { lhs: string; op: (typeof TERM_OPERATORS)[number]; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** An immutable field selector: its requirements ANDed. */
export class FieldSelector {
  readonly requirements: readonly FieldRequirement[];

  constructor(requirements: readonly FieldRequirement[]) {
    this.requirements = Object.freeze(requirements.map((r) => Object.freeze({ ...r })));
    Object.freeze(this);
  }

  static everything(): FieldSelector {
    return new FieldSelector([]);
  }

  /** `get(field)` gives the object's value for a field; a missing field reads as `""`, as in Go. */
  matches(get: (field: string) => string | undefined): boolean {
    return this.requirements.every((r) => {
      const actual = get(r.field) ?? '';
      return r.operator === '=' ? actual === r.value : actual !== r.value;
    });
  }

  isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  /** The value a field must equal for this selector to match (`metadata.name=x`), if any. */
  requiresExactMatch(field: string): string | undefined {
    return this.requirements.find((r) => r.field === field && r.operator === '=')?.value;
  }

  /** Go's canonical text: terms in parsed order, values escaped (`a=b,c!=d`). */
  toString(): string {
    return this.requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(',');
  }
}

/**
 * Go's `fields.ParseSelector`. Terms are sorted as raw text before parsing (so `toString` is canonical) and
 * empty terms skipped. Throws `SelectorError`, e.g. `invalid selector: 'foo'; can't understand 'foo'`.
 */
export function parseFieldSelector(text: string): FieldSelector {
  // Go sorts the raw terms by bytes; for the ASCII of field selectors code-unit order is the same.
  const parts = splitTerms(text).sort();
  const requirements: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const term = splitTerm(part);
    if (!term) throw new SelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
    const value = unescapeFieldValue(term.rhs);
    requirements.push({ field: term.lhs, operator: term.op === '!=' ? '!=' : '=', value });
  }
  return new FieldSelector(requirements);
}
