/**
 * core/v1 ConfigMap and Secret (k/k pkg/apis/core/validation ValidateConfigMap(Update),
 * ValidateSecret(Update), pkg/apis/core/v1 SetDefaults_Secret and the v1 conversion of stringData).
 * Keys must be config keys; `immutable: true` freezes the data; a Secret defaults to type Opaque, its
 * stringData is merged into data (base64) and dropped, and data that is not base64 is rejected while
 * decoding, as Go's JSON decoder does (`Secret in version "v1" cannot be handled as a Secret: illegal
 * base64 data at input byte 4`).
 */
import type { KubeObject } from '../types.ts';
import type { Strategy } from '../strategy.ts';
import { badRequest } from '../errors.ts';
import { forbidden, invalid, required, tooLong, type FieldError } from '../validation/field-error.ts';
import { base64ErrorOffset, encodeBase64 } from './base64.ts';
import { configMapKeyErrors } from './config-key.ts';
import { FIELD_IMMUTABLE, sameJson } from './field-rules.ts';

const MAX_SIZE = 1024 * 1024;
const IMMUTABLE_SET = 'field is immutable when `immutable` is set';

type DataMap = Record<string, string>;

function mapOf(obj: KubeObject, field: string): DataMap | undefined {
  const v = obj[field];
  return v && typeof v === 'object' ? (v as DataMap) : undefined;
}

function keyErrors(data: DataMap | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(data ?? {}).sort()) errs.push(...configMapKeyErrors(key).map((m) => invalid(`${field}[${key}]`, key, m)));
  return errs;
}

/** Rejects base64 fields that Go's decoder would refuse, with the decode error kube-apiserver returns. */
function checkBase64(obj: KubeObject, field: string): void {
  for (const value of Object.values(mapOf(obj, field) ?? {})) {
    if (typeof value !== 'string') continue;
    const at = base64ErrorOffset(value);
    if (at !== undefined) throw badRequest(`${obj.kind} in version "v1" cannot be handled as a ${obj.kind}: illegal base64 data at input byte ${at}`);
  }
}

function decodedLength(b64: string): number {
  const clean = b64.replace(/[\r\n]/g, '');
  return Math.floor((clean.length * 3) / 4) - (clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0);
}

function immutableErrors(obj: KubeObject, old: KubeObject, fields: readonly string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_SET));
  for (const f of fields) if (!sameJson(obj[f] ?? {}, old[f] ?? {})) errs.push(forbidden(f, IMMUTABLE_SET));
  return errs;
}

function validateConfigMap(obj: KubeObject): FieldError[] {
  const data = mapOf(obj, 'data');
  const binary = mapOf(obj, 'binaryData');
  const errs = keyErrors(data, 'data');
  let total = 0;
  for (const [k, v] of Object.entries(data ?? {})) {
    if (binary && k in binary) errs.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    total += new TextEncoder().encode(v).length;
  }
  errs.push(...keyErrors(binary, 'binaryData'));
  for (const [k, v] of Object.entries(binary ?? {})) {
    if (data && k in data) errs.push(invalid(`binaryData[${k}]`, k, 'duplicate of key present in data'));
    total += decodedLength(v);
  }
  if (total > MAX_SIZE) errs.push(tooLong('', '', MAX_SIZE));
  return errs;
}

export const configMapStrategy: Strategy = {
  default(obj) {
    checkBase64(obj, 'binaryData');
  },
  validate: validateConfigMap,
  validateUpdate(obj, old) {
    return [...validateConfigMap(obj), ...immutableErrors(obj, old, ['data', 'binaryData'])];
  },
};

const TYPE_REQUIRED_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

function validateSecret(obj: KubeObject): FieldError[] {
  const data = mapOf(obj, 'data') ?? {};
  const errs = keyErrors(data, 'data');
  const total = Object.values(data).reduce((n, v) => n + decodedLength(v), 0);
  if (total > MAX_SIZE) errs.push(tooLong('data', '', MAX_SIZE));
  const type = typeof obj.type === 'string' ? obj.type : '';
  if (type === 'kubernetes.io/service-account-token') {
    if (!obj.metadata.annotations?.['kubernetes.io/service-account.name']) {
      errs.push(required('metadata.annotations[kubernetes.io/service-account.name]', ''));
    }
  } else if (type === 'kubernetes.io/basic-auth') {
    if (!('username' in data) && !('password' in data)) errs.push(required('data[username]', ''), required('data[password]', ''));
  } else {
    for (const key of TYPE_REQUIRED_KEYS[type] ?? []) {
      if (!(key in data)) {
        errs.push(required(`data[${key}]`, ''));
        if (type !== 'kubernetes.io/tls') break;
      }
    }
  }
  return errs;
}

export const secretStrategy: Strategy = {
  default(obj) {
    checkBase64(obj, 'data');
    const stringData = mapOf(obj, 'stringData');
    if (stringData) {
      const data: DataMap = { ...mapOf(obj, 'data') };
      for (const [k, v] of Object.entries(stringData)) data[k] = encodeBase64(String(v));
      obj.data = data;
      delete obj.stringData;
    }
    if (!obj.type) obj.type = 'Opaque';
  },
  validate: validateSecret,
  validateUpdate(obj, old) {
    const errs = validateSecret(obj);
    if (obj.type !== old.type) errs.push(invalid('type', typeof obj.type === 'string' ? obj.type : '', FIELD_IMMUTABLE));
    return [...errs, ...immutableErrors(obj, old, ['data'])];
  },
};
