/**
 * Resource vectors as kube-scheduler keeps them (framework.Resource): cpu in millicores, memory and
 * ephemeral-storage in bytes, the pod count, and scalar (extended, hugepages, prefixed native) resources
 * in their base unit. Plain numbers: every byte count a node can have fits a float64 exactly.
 */
import { Quantity } from '../../api/quantity.ts';

export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  /** Extended and other scalar resources; null while there are none (most pods and nodes). */
  scalar: Map<string, number> | null;
}

export type ResourceList = Readonly<Record<string, string | number>> | undefined;

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: null };
}

export function cloneResource(r: Resource): Resource {
  return { ...r, scalar: r.scalar ? new Map(r.scalar) : null };
}

// Quantities repeat endlessly ("100m", "128Mi"): parse each distinct text once.
const parsed = new Map<string | number, { milli: number; value: number }>();

/** `{milli, value}` of a quantity (both rounded up, as resource.Quantity MilliValue/Value do). */
export function quantityOf(q: string | number): { milli: number; value: number } {
  let hit = parsed.get(q);
  if (!hit) {
    const quantity = Quantity.parse(q);
    hit = { milli: quantity.milliValue(), value: quantity.value() };
    if (parsed.size < 10_000) parsed.set(q, hit);
  }
  return hit;
}

/** The milli value (cpu) or the value (everything else) of one resource quantity. */
export function resourceAmount(name: string, q: string | number): number {
  const { milli, value } = quantityOf(q);
  return name === 'cpu' ? milli : value;
}

/**
 * Scalar resources (schedutil.IsScalarResourceName): extended resources (`example.com/gpu`), hugepages,
 * attachable volumes and prefixed native resources (`*kubernetes.io/*`). cpu, memory, pods and
 * ephemeral-storage are not scalar.
 */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  if (!name.includes('/')) return false;
  if (name.includes('kubernetes.io/')) return true; // prefixed native
  return !name.startsWith('requests.'); // extended
}

/** An extended resource (`example.com/foo`), as v1helper.IsExtendedResourceName. */
export function isExtendedResourceName(name: string): boolean {
  return name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');
}

/** Adds a ResourceList (Resource.Add). */
export function addList(r: Resource, list: ResourceList): void {
  if (!list) return;
  for (const name in list) {
    const q = list[name];
    if (q === undefined) continue;
    addAmount(r, name, resourceAmount(name, q));
  }
}

export function addAmount(r: Resource, name: string, amount: number): void {
  switch (name) {
    case 'cpu':
      r.milliCPU += amount;
      return;
    case 'memory':
      r.memory += amount;
      return;
    case 'ephemeral-storage':
      r.ephemeralStorage += amount;
      return;
    case 'pods':
      r.allowedPodNumber += amount;
      return;
    default:
      if (isScalarResourceName(name)) {
        r.scalar ??= new Map();
        r.scalar.set(name, (r.scalar.get(name) ?? 0) + amount);
      }
  }
}

/** r += o (both vectors). */
export function addResource(r: Resource, o: Resource, sign: 1 | -1 = 1): void {
  r.milliCPU += sign * o.milliCPU;
  r.memory += sign * o.memory;
  r.ephemeralStorage += sign * o.ephemeralStorage;
  r.allowedPodNumber += sign * o.allowedPodNumber;
  if (o.scalar) {
    r.scalar ??= new Map();
    for (const [k, v] of o.scalar) r.scalar.set(k, (r.scalar.get(k) ?? 0) + sign * v);
  }
}

/** r = max(r, o) per resource (Resource.SetMaxResource over vectors). */
export function maxResource(r: Resource, o: Resource): void {
  r.milliCPU = Math.max(r.milliCPU, o.milliCPU);
  r.memory = Math.max(r.memory, o.memory);
  r.ephemeralStorage = Math.max(r.ephemeralStorage, o.ephemeralStorage);
  if (o.scalar) {
    r.scalar ??= new Map();
    for (const [k, v] of o.scalar) r.scalar.set(k, Math.max(r.scalar.get(k) ?? 0, v));
  }
}

export function resourceFromList(list: ResourceList): Resource {
  const r = emptyResource();
  addList(r, list);
  return r;
}
