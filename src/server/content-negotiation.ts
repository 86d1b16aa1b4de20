/**
 * What the client asked to receive. kubectl asks for a Table when printing (`application/json;as=Table;
 * v=v1;g=meta.k8s.io`, then v1beta1, then plain JSON) and for plain JSON otherwise. Protobuf is never
 * offered back: every answer is JSON, which every client also accepts.
 */
export interface AcceptInfo {
  table: boolean;
}

export function negotiate(accept: string | undefined): AcceptInfo {
  if (!accept) return { table: false };
  for (const clause of accept.split(',')) {
    const params = new Map<string, string>();
    const [type, ...rest] = clause.split(';').map((s) => s.trim());
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq > 0) params.set(p.slice(0, eq).trim(), p.slice(eq + 1).trim());
    }
    if (type === 'application/json' && params.get('as') === 'Table' && params.get('g') === 'meta.k8s.io' && (params.get('v') === 'v1' || params.get('v') === 'v1beta1')) {
      return { table: true };
    }
  }
  return { table: false };
}
