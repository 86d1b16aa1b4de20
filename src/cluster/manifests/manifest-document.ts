/**
 * What parsing a dropped or pasted manifest gives back: one entry per object (List items each get their
 * own) or per document that failed. Plain data only; user text is never turned into markup anywhere here.
 */
import type { KubeObject } from '../api/types.ts';

/**
 * Why a document could not become an object.
 *
 * `message` is worded as kubectl words it where kubectl has wording (for example
 * `error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context`, where the
 * line inside the message is counted from the start of that document, as kubectl counts it).
 * `line` and `column` are always 1-based positions in the whole source text, so a UI can point at them.
 */
export interface ManifestError {
  message: string;
  line?: number;
  column?: number;
}

/**
 * One object (or one failure) from a manifest stream.
 *
 * Exactly one of `object` and `error` is set. `index` counts entries in stream order from 0, List items
 * included; `line` is the 1-based first line of the document (or of the List item) in the source.
 */
export interface ManifestDocument {
  index: number;
  line: number;
  source?: string;
  object?: KubeObject;
  error?: ManifestError;
}
