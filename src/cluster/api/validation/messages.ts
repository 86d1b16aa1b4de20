/**
 * The sentence builders of k8s.io/apimachinery pkg/util/validation, so every rule words its failures the
 * way Kubernetes does (double space after `',` in example lists included).
 */

/** `must be no more than <n> characters` */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/**
 * `<msg> (e.g. 'a',  or 'b', regex used for validation is '<fmt>')`. Go appends `', '` after every example
 * and `' or '` before all but the first, hence the double space.
 */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((example, i) => {
    if (i > 0) out += ' or ';
    out += `'${example}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

/** `must be non-empty` */
export function emptyError(): string {
  return 'must be non-empty';
}

/** `must be between <lo> and <hi>, inclusive` */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}
