/**
 * What every request must pass before it reaches the API: a Host header naming the loopback address or
 * localhost (so a web page cannot reach the server through DNS rebinding) and the bearer token. Both
 * answers are worded as kube-apiserver words them.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Status } from '../cluster/api/types.ts';

/** Largest request body accepted (kube-apiserver's limit is 3 MiB as well). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when a Host header names the loopback interface, with or without a port. */
export function hostAllowed(host: string | undefined): boolean {
  if (!host) return false;
  const lower = host.toLowerCase();
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(lower);
  if (!m) return false;
  return LOOPBACK_HOSTS.has(m[1]!);
}

/** True when `Authorization: Bearer <token>` carries exactly `token` (compared in constant time). */
export function tokenAllowed(authorization: string | undefined, token: string): boolean {
  if (!authorization) return false;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!m) return false;
  const given = Buffer.from(m[1]!, 'utf8');
  const want = Buffer.from(token, 'utf8');
  return given.length === want.length && timingSafeEqual(given, want);
}

function failure(code: number, reason: string, message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

/** kube-apiserver's answer to a request without valid credentials. */
export const UNAUTHORIZED: Status = failure(401, 'Unauthorized', 'Unauthorized');

/** The answer to a request whose Host is not loopback (kube-apiserver has no such check; worded alike). */
export function forbiddenHost(host: string | undefined): Status {
  return failure(403, 'Forbidden', `forbidden: Host header ${JSON.stringify(host ?? '')} is not an allowed host (127.0.0.1 or localhost)`);
}

/** 413, as kube-apiserver answers a body over its limit. */
export const TOO_LARGE: Status = failure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_BODY_BYTES}`);
