/**
 * API errors as kube-apiserver words them (k8s.io/apimachinery/pkg/api/errors). Every failed request
 * throws an ApiError carrying a metav1.Status; kubectl prints it as `Error from server (<Reason>): <message>`.
 */
import type { Status, StatusCause } from './types.ts';
import { qualifiedResource, type ResourceType } from './registry.ts';

export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'ApiError';
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string {
    return this.status.reason ?? '';
  }
}

type GroupResource = Pick<ResourceType, 'group' | 'resource'>;

function failure(code: number, reason: string, message: string, details?: Status['details']): ApiError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new ApiError(status);
}

function grDetails(gr: GroupResource, name: string): Status['details'] {
  const d: NonNullable<Status['details']> = { name, kind: gr.resource };
  if (gr.group) d.group = gr.group;
  return d;
}

export function notFound(gr: GroupResource, name: string): ApiError {
  return failure(404, 'NotFound', `${qualifiedResource(gr)} "${name}" not found`, grDetails(gr, name));
}

export function alreadyExists(gr: GroupResource, name: string): ApiError {
  return failure(409, 'AlreadyExists', `${qualifiedResource(gr)} "${name}" already exists`, grDetails(gr, name));
}

export function conflict(gr: GroupResource, name: string, detail?: string): ApiError {
  const why = detail ?? 'the object has been modified; please apply your changes to the latest version and try again';
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${why}`, grDetails(gr, name));
}

/** `Deployment.apps "web" is invalid: ...`: the group-qualified Kind, as NewInvalid writes it. */
export function invalid(kind: string, group: string, name: string, message: string, causes: StatusCause[]): ApiError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const details: NonNullable<Status['details']> = { name, kind, causes };
  if (group) details.group = group;
  return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${message}`, details);
}

export function badRequest(message: string): ApiError {
  return failure(400, 'BadRequest', message);
}

export function forbidden(gr: GroupResource, name: string, why: string): ApiError {
  const subject = name ? `${qualifiedResource(gr)} "${name}"` : qualifiedResource(gr);
  return failure(403, 'Forbidden', `${subject} is forbidden: ${why}`, grDetails(gr, name));
}

export function methodNotSupported(gr: GroupResource, action: string): ApiError {
  return failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualifiedResource(gr)}"`, {
    kind: gr.resource,
    ...(gr.group ? { group: gr.group } : {}),
  });
}

/** 410 Gone for a watch or list from a compacted revision. */
export function expired(message: string): ApiError {
  return failure(410, 'Expired', message);
}

export function tooManyRequests(message: string, retryAfterSeconds?: number): ApiError {
  return failure(429, 'TooManyRequests', message, retryAfterSeconds === undefined ? undefined : { retryAfterSeconds });
}

export function internalError(message: string): ApiError {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`);
}

/** A kind or version the server does not serve: what the RESTMapper says. */
export function noMatchForKind(kind: string, apiVersion: string): ApiError {
  return failure(404, 'NotFound', `no matches for kind "${kind}" in version "${apiVersion}"`);
}

/** A URL naming a resource the server does not serve. */
export function resourceNotFound(): ApiError {
  return failure(404, 'NotFound', 'the server could not find the requested resource');
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Turns anything thrown into a Status (non-API errors become 500s). */
export function toStatus(e: unknown): Status {
  if (e instanceof ApiError) return e.status;
  return internalError(e instanceof Error ? e.message : String(e)).status;
}
