import { memo, useEffect, useState } from 'react';
import type { KubeObject } from '../../cluster/api/types.ts';

type Stringify = (v: unknown) => string;
let stringify: Stringify | undefined;

/** Live YAML of an object, without managedFields (as kubectl shows it). Loads the YAML printer lazily. */
export const YamlView = memo(function YamlView({ object }: { object: KubeObject }) {
  const [, setReady] = useState(stringify !== undefined);
  useEffect(() => {
    if (stringify) return;
    void import('yaml').then((m) => {
      stringify = (v) => m.stringify(v, { lineWidth: 0 });
      setReady(true);
    });
  }, []);
  const { managedFields: _mf, ...metadata } = object.metadata;
  const text = stringify ? stringify({ ...object, metadata }) : JSON.stringify({ ...object, metadata }, null, 2);
  return (
    <pre className="max-h-96 overflow-auto rounded bg-raised p-2 font-mono text-[11px] leading-snug" data-testid="inspector-yaml">
      {text}
    </pre>
  );
});
