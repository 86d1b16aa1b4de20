/**
 * Container resource requirements (k/k pkg/apis/core/validation ValidateResourceRequirements,
 * validateContainerResourceName, ValidateResourceQuantityValue): names must be standard or extended
 * resources, amounts non-negative, and a request no more than its limit (equal for resources that cannot
 * be overcommitted). Note the request/limit error carries the map's path, not the key's, as in Go:
 * `spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1`.
 */
import { Quantity, QuantityError } from '../quantity.ts';
import { invalid, required, type FieldError } from '../validation/field-error.ts';
import { isQualifiedName } from '../validation/labels.ts';
import { IS_NEGATIVE_ERROR } from './field-rules.ts';
import type { ResourceList, ResourceRequirements } from './pod-types.ts';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** Native: no domain, or a `kubernetes.io/` one. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** IsOvercommitAllowed: native resources other than huge pages. */
export function overcommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePages(name);
}

function resourceNameErrors(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length > 0) return errs;
  // Extended resources (`example.com/gpu`) only need to be qualified names, checked above.
  if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
    return [invalid(path, name, 'must be a standard resource for containers')];
  }
  return [];
}

/** Parses a quantity, or reports the decode error Kubernetes gives for it. */
export function parseQuantityField(raw: string | number, path: string, errs: FieldError[]): Quantity | undefined {
  try {
    return Quantity.parse(raw);
  } catch (e) {
    if (e instanceof QuantityError) {
      errs.push(invalid(path, String(raw), e.message));
      return undefined;
    }
    throw e;
  }
}

function quantityValueErrors(name: string, q: Quantity, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(invalid(path, q.toString(), IS_NEGATIVE_ERROR));
  // Extended resources count whole devices.
  if (!isNative(name) && q.milliValueBig() % 1000n !== 0n) errs.push(invalid(path, q.toString(), 'must be an integer'));
  return errs;
}

function parseList(list: ResourceList | undefined, path: string, errs: FieldError[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const name of Object.keys(list ?? {}).sort()) {
    const keyPath = `${path}[${name}]`;
    errs.push(...resourceNameErrors(name, keyPath));
    const q = parseQuantityField((list as ResourceList)[name] as string | number, keyPath, errs);
    if (!q) continue;
    errs.push(...quantityValueErrors(name, q, keyPath));
    out.set(name, q);
  }
  return out;
}

/** ValidateResourceRequirements for one container at `path` (e.g. `spec.containers[0].resources`). */
export function validateResourceRequirements(res: ResourceRequirements | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = `${path}.limits`;
  const reqPath = `${path}.requests`;
  const limits = parseList(res?.limits, limPath, errs);
  const requests = parseList(res?.requests, reqPath, errs);
  for (const [name, req] of requests) {
    const lim = limits.get(name);
    if (lim) {
      if (req.cmp(lim) !== 0 && !overcommitAllowed(name)) {
        errs.push(invalid(reqPath, req.toString(), `must be equal to ${name} limit of ${lim.toString()}`));
      } else if (req.cmp(lim) > 0) {
        errs.push(invalid(reqPath, req.toString(), `must be less than or equal to ${name} limit of ${lim.toString()}`));
      }
    } else if (!overcommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}
