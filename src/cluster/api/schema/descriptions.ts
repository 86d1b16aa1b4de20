// One-line descriptions of definitions and fields (the first sentence of the API docs), for
// `kubectl explain`. They are three times the size of the schema itself, so they live in their own
// JSON file and load on first use instead of riding in every bundle that decodes objects.

type RawDescriptions = { defs: Record<string, Record<string, string>> };

/** Looks up a description: `describe('core.v1.PodSpec')` for the type, `describe('core.v1.PodSpec', 'nodeName')` for a field. */
export type Describe = (definitionKey: string, field?: string) => string | undefined;

let loading: Promise<Describe> | undefined;

/** Loads descriptions.json once (later calls share the same promise) and returns a lookup. */
export function loadDescriptions(): Promise<Describe> {
  loading ??= import('./descriptions.json').then((mod) => {
    const raw = (mod as { default: unknown }).default as RawDescriptions;
    return (definitionKey, field) => raw.defs[definitionKey]?.[field ?? ''];
  });
  return loading;
}
