/**
 * Field paths as Kubernetes prints them (k8s.io/apimachinery pkg/util/validation/field/path.go):
 * `spec.template.spec.containers[0].image`, `metadata.labels[app]`. Paths are plain strings; these helpers
 * only keep the dots and brackets right. The empty string is the root (no parent).
 */

/** `child('spec', 'replicas')` -> `spec.replicas`; `child('', 'spec')` -> `spec`. */
export function child(parent: string, ...names: string[]): string {
  return names.reduce((path, name) => (path === '' ? name : `${path}.${name}`), parent);
}

/** `index('spec.containers', 0)` -> `spec.containers[0]` */
export function index(parent: string, i: number): string {
  return `${parent}[${i}]`;
}

/** `key('metadata.labels', 'app')` -> `metadata.labels[app]` (no quoting, as in Go). */
export function key(parent: string, k: string): string {
  return `${parent}[${k}]`;
}
