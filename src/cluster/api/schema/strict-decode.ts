// kube-apiserver's decoding of a request body into a typed object, with `fieldValidation=Strict`
// (kubectl's default): what it rejects and the exact message it answers with.
//
// Real kube-apiserver decodes with sigs.k8s.io/json (a fork of Go's encoding/json), then wraps the
// error in the create/update handler (apiserver/pkg/endpoints/handlers, transformDecodeError):
//
//   Deployment in version "v1" cannot be handled as a Deployment: <error>
//
// where <error> is, in order of precedence:
//   1. a fatal error from a type with its own UnmarshalJSON (IntOrString, Quantity, Time): decoding
//      stops there. Quantity and time parse errors are plain text (`quantities must match ...`);
//      type mismatches read like (2);
//   2. else the FIRST type mismatch, Go's UnmarshalTypeError:
//        json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32
//      The struct is the innermost Go struct holding the field; the path lists struct fields only (no
//      array indices, no map keys), plus the Go name of embedded structs (`Probe...ProbeHandler.httpGet`);
//   3. else every strict error (unknown and duplicate fields, deduplicated, at most 100), in document
//      order, under `strict decoding error: `, joined by ", ":
//        strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy"
//      Strict paths hold JSON names, `[i]` indices and map keys.
// null is "unset" for every field. Fields typed `any` (RawExtension, FieldsV1) take anything.
import { goBase64Error } from './go-base64.ts';
import { quantityParseError } from './go-quantity.ts';
import { goTimeParseError, RFC3339, RFC3339_MICRO } from './go-time.ts';
import { lookupKind, type TypeRef } from './schema.ts';

export type DecodeResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** kube-apiserver's BadRequest message, exactly. */
      readonly message: string;
      /** Paths of unknown fields, as kube-apiserver prints them inside `unknown field "..."`. */
      readonly unknownFields: string[];
      /**
       * Decode errors that fail the request whatever fieldValidation says (type mismatches, bad
       * quantities, times and base64), each as Go words it, in document order. kube-apiserver reports
       * only one of them (see `message`); when this is empty the failure is strict-only, and
       * fieldValidation=Warn would accept the object with `strictErrors` as warnings.
       */
      readonly typeErrors: string[];
      /** Each strict error (`unknown field "a"`, `duplicate field "b"`), as warnings would carry them. */
      readonly strictErrors: string[];
    };

export interface StrictDecodeOptions {
  /**
   * Paths of fields that appeared twice in the request body (`spec.replicas`, `metadata.labels.app`).
   * A parsed object cannot show them, so a parser that sees the raw text passes them here; they are
   * reported after the unknown fields.
   */
  readonly duplicateFields?: readonly string[];
}

const OK: DecodeResult = Object.freeze({ ok: true });
const MAX_STRICT_ERRORS = 100;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_LIMIT = 9223372036854775808;

/**
 * kube-apiserver's answer to a body it cannot decode (HTTP 400, reason BadRequest):
 * `Deployment in version "v1" cannot be handled as a Deployment: <detail>`. `apiVersion` is the
 * body's (`apps/v1`); `intoKind` is the kind the endpoint decodes into, when it differs.
 */
export function decodeErrorMessage(kind: string, apiVersion: string, detail: string, intoKind: string = kind): string {
  const version = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  return `${kind} in version ${goQuote(version)} cannot be handled as a ${intoKind}: ${detail}`;
}

/** runtime.NewStrictDecodingError's text for a list of strict errors. */
export function strictDecodingError(errors: readonly string[]): string {
  return `strict decoding error: ${errors.join(', ')}`;
}

/** Go's %q (strconv.Quote) for the ASCII-and-printable strings field names are. */
export function goQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Mutable state of one decode; stacks are pushed and popped so that paths cost nothing until an error. */
interface State {
  /** Strict path: JSON names and map keys (strings), array indices (numbers). */
  readonly path: Array<string | number>;
  /** Go's errorContext.FieldStack: struct field names and embedded struct names. */
  readonly goPath: string[];
  readonly unknownFields: string[];
  readonly strictErrors: string[];
  readonly typeErrors: string[];
  /** First non-fatal decode error (Go's savedError). */
  saved: string | undefined;
  /** A fatal decode error: decoding stopped. */
  fatal: string | undefined;
}

function strictPath(path: ReadonlyArray<string | number>, last?: string): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  if (last !== undefined) out += out === '' ? last : `.${last}`;
  return out;
}

/** How Go's decoder names a JSON value in UnmarshalTypeError; numbers show their literal when `literal`. */
function describe(v: unknown, literal: boolean): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return literal ? `number ${String(v)}` : 'number';
  return Array.isArray(v) ? 'array' : 'object';
}

function typeErrorText(s: State, value: string, struct: string, goType: string): string {
  if (struct === '' && s.goPath.length === 0) return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
  return `json: cannot unmarshal ${value} into Go struct field ${struct}.${s.goPath.join('.')} of type ${goType}`;
}

function save(s: State, message: string): void {
  s.typeErrors.push(message);
  if (s.saved === undefined) s.saved = message;
}

function fail(s: State, message: string): void {
  s.typeErrors.push(message);
  s.fatal = message;
}

function addStrict(s: State, message: string): void {
  if (s.strictErrors.length < MAX_STRICT_ERRORS && !s.strictErrors.includes(message)) s.strictErrors.push(message);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function decode(s: State, v: unknown, t: TypeRef, struct: string): void {
  if (v === null || v === undefined) return; // null leaves the field unset, for every Go type
  switch (t.kind) {
    case 'object': {
      if (!isObject(v)) return save(s, typeErrorText(s, describe(v, false), struct, t.goType));
      const def = t.def;
      // for-in rather than Object.keys: no array per object, and request bodies are plain JSON objects.
      for (const key in v) {
        const field = def.fields.get(key);
        if (field === undefined) {
          s.unknownFields.push(strictPath(s.path, key));
          addStrict(s, `unknown field ${goQuote(strictPath(s.path, key))}`);
          continue;
        }
        const value = v[key];
        if (value === null || value === undefined) continue;
        s.path.push(key);
        if (field.embeddedIn !== undefined) s.goPath.push(field.embeddedIn);
        s.goPath.push(key);
        decode(s, value, field.type, def.goName);
        if (s.fatal !== undefined) return;
        s.goPath.pop();
        if (field.embeddedIn !== undefined) s.goPath.pop();
        s.path.pop();
      }
      return;
    }
    case 'array': {
      if (!Array.isArray(v)) return save(s, typeErrorText(s, describe(v, false), struct, t.goType));
      for (let i = 0; i < v.length; i++) {
        s.path.push(i);
        decode(s, v[i], t.of, struct);
        if (s.fatal !== undefined) return;
        s.path.pop();
      }
      return;
    }
    case 'map': {
      if (!isObject(v)) return save(s, typeErrorText(s, describe(v, false), struct, t.goType));
      for (const key in v) {
        s.path.push(key);
        decode(s, v[key], t.of, struct);
        if (s.fatal !== undefined) return;
        s.path.pop();
      }
      return;
    }
    case 'primitive':
      return decodePrimitive(s, v, t.name, t.goType, struct);
  }
}

function decodePrimitive(s: State, v: unknown, name: string, goType: string, struct: string): void {
  switch (name) {
    case 'string':
      if (typeof v !== 'string') save(s, typeErrorText(s, describe(v, false), struct, goType));
      return;
    case 'boolean':
      if (typeof v !== 'boolean') save(s, typeErrorText(s, describe(v, false), struct, goType));
      return;
    case 'number':
      if (typeof v !== 'number') save(s, typeErrorText(s, describe(v, false), struct, goType));
      return;
    case 'int32':
    case 'int64':
      if (typeof v !== 'number') save(s, typeErrorText(s, describe(v, false), struct, goType));
      else if (!fitsInt(v, name)) save(s, typeErrorText(s, describe(v, true), struct, goType));
      return;
    case 'IntOrString':
      // IntOrString.UnmarshalJSON: a quoted value is the string, anything else must decode as int32.
      if (typeof v !== 'string' && !(typeof v === 'number' && fitsInt(v, 'int32'))) {
        fail(s, typeErrorText(s, describe(v, typeof v === 'number'), struct, 'int32'));
      }
      return;
    case 'Quantity': {
      // Quantity.UnmarshalJSON strips the quotes and parses whatever text is left, even `true` or `{}`.
      const text = typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '{';
      const err = quantityParseError(text);
      if (err !== undefined) fail(s, err);
      return;
    }
    case 'Time':
    case 'MicroTime': {
      // Time.UnmarshalJSON decodes a Go string first, then parses it.
      if (typeof v !== 'string') return fail(s, typeErrorText(s, describe(v, false), struct, 'string'));
      const err = goTimeParseError(v, name === 'Time' ? RFC3339 : RFC3339_MICRO);
      if (err !== undefined) fail(s, err);
      return;
    }
    case 'bytes':
      if (typeof v === 'string') {
        const err = goBase64Error(v);
        if (err !== undefined) save(s, err);
      } else if (Array.isArray(v)) {
        // Go also fills a []byte from an array of numbers, one byte each.
        for (const b of v) {
          if (b === null) continue;
          if (typeof b !== 'number') save(s, typeErrorText(s, describe(b, false), struct, 'uint8'));
          else if (!Number.isInteger(b) || b < 0 || b > 255) save(s, typeErrorText(s, describe(b, true), struct, 'uint8'));
        }
      } else {
        save(s, typeErrorText(s, describe(v, false), struct, goType));
      }
      return;
    default: // 'any'
      return;
  }
}

function fitsInt(v: number, size: 'int32' | 'int64'): boolean {
  if (!Number.isInteger(v)) return false;
  return size === 'int32' ? v >= INT32_MIN && v <= INT32_MAX : v >= -INT64_LIMIT && v < INT64_LIMIT;
}

/**
 * Decodes `obj` (a parsed request body) as kube-apiserver does for `apiVersion`/`kind` with
 * fieldValidation=Strict, and returns its verdict and message. Never mutates `obj`, never throws.
 * Kinds we do not serve are not checked (`{ ok: true }`): the registry answers for those.
 */
export function strictDecode(obj: unknown, apiVersion: string, kind: string, options?: StrictDecodeOptions): DecodeResult {
  const type = lookupKind(apiVersion, kind);
  if (type === undefined) return OK;
  const s: State = { path: [], goPath: [], unknownFields: [], strictErrors: [], typeErrors: [], saved: undefined, fatal: undefined };
  decode(s, obj, type, '');
  for (const path of options?.duplicateFields ?? []) addStrict(s, `duplicate field ${goQuote(path)}`);
  const decodeError = s.fatal ?? s.saved;
  if (decodeError === undefined && s.strictErrors.length === 0) return OK;
  return {
    ok: false,
    message: decodeErrorMessage(kind, apiVersion, decodeError ?? strictDecodingError(s.strictErrors)),
    unknownFields: s.unknownFields,
    typeErrors: s.typeErrors,
    strictErrors: s.strictErrors,
  };
}
