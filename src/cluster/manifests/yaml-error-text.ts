/**
 * Rewords the yaml library's parse errors the way goyaml (and so kubectl) words the same mistakes.
 * kubectl prints `error converting YAML to JSON: yaml: line N: <problem>`, with N counted from the
 * start of the document; where goyaml has no equivalent we keep the library's own clear sentence.
 */
import type { YAMLError } from 'yaml';

export const YAML_TO_JSON = 'error converting YAML to JSON: yaml:';

function ownSentence(message: string): string {
  const cut = message.search(/ at line \d+, column \d+/);
  const text = (cut === -1 ? message : message.slice(0, cut)).trim();
  return text.length > 0 ? text.charAt(0).toLowerCase() + text.slice(1) : 'invalid YAML';
}

/** goyaml's problem text for a yaml-library error. */
export function goyamlProblem(error: YAMLError): string {
  const message = error.message;
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'MULTILINE_IMPLICIT_KEY':
      return "could not find expected ':'";
    case 'MISSING_CHAR':
      if (/quote/i.test(message)) return 'found unexpected end of stream';
      if (message.includes(']')) return "did not find expected ',' or ']'";
      if (message.includes('}')) return "did not find expected ',' or '}'";
      return ownSentence(message);
    case 'BAD_INDENT':
      if (/flow sequence/i.test(message)) return "did not find expected ',' or ']'";
      if (/flow map/i.test(message)) return "did not find expected ',' or '}'";
      return 'did not find expected key';
    case 'BAD_ALIAS': {
      const name = /anchor[^"']*["']?([^"'\s]+)/i.exec(message)?.[1];
      return name ? `unknown anchor '${name}' referenced` : ownSentence(message);
    }
    default:
      return ownSentence(message);
  }
}

/** The whole kubectl-style message for an error at 1-based document-relative `line`. */
export function yamlErrorMessage(problem: string, line: number): string {
  return `${YAML_TO_JSON} line ${line}: ${problem}`;
}
