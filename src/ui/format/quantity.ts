/**
 * Kubernetes resource quantities (`500m`, `2`, `128Mi`, `1.5Gi`, `1e3`) as plain numbers: cores for
 * cpu, bytes for memory. Good enough for bars and labels; the API server does the exact arithmetic.
 */
const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

/** The number a quantity stands for; 0 for anything unreadable. */
export function parseQuantity(q: string | number | undefined): number {
  if (typeof q === 'number') return q;
  if (!q) return 0;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(q.trim());
  if (!m) return 0;
  const mult = SUFFIX[m[2] ?? ''];
  return mult === undefined ? 0 : Number(m[1]) * mult;
}

/** Cores as people read them: `250m`, `1.5`, `4`. */
export function formatCpu(cores: number): string {
  if (cores === 0) return '0';
  if (cores < 1) return `${Math.round(cores * 1000)}m`;
  return String(Math.round(cores * 100) / 100);
}

/** Bytes in binary units: `512Mi`, `3.8Gi`. */
export function formatMemory(bytes: number): string {
  if (bytes === 0) return '0';
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Math.round(v * 10) / 10}${units[i]}`;
}

/** Bytes in decimal-ish units for the etcd card: `48 KB`, `1.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(bytes < 1e4 ? 1 : 0)} KB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
