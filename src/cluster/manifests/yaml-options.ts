/**
 * How YAML scalars resolve. Kubernetes reads manifests with sigs.k8s.io/yaml, which is goyaml v2:
 * YAML 1.1 resolution. We match it where real manifests notice:
 *
 * - `yes`/`no`/`on`/`off`/`y`/`n` (any of their cases) are booleans, so `value: yes` in an env var is
 *   rejected by the API server exactly as on a real cluster (quote it to get a string).
 * - `0644` is octal (420), so `defaultMode: 0644` means what everyone who writes it expects.
 * - `0x1F`, `0b101` and `1_000` are integers.
 * - Timestamps (`2024-01-02`) and sexagesimal numbers (`1:20`) stay strings, as goyaml v2 leaves them
 *   when decoding into untyped values.
 * - `<<` merge keys are expanded by our own converter (to-json.ts), not by the yaml library.
 *
 * Integers are read as bigint so that values beyond 2^53 are caught instead of silently rounded.
 */
import type { DocumentOptions, ParseOptions, SchemaOptions, Tags } from 'yaml';

const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
const MERGE_TAG = 'tag:yaml.org,2002:merge';

function kubernetesTags(tags: Tags): Tags {
  return tags.filter((tag) => {
    if (typeof tag === 'string') return true;
    if (tag.tag === TIMESTAMP_TAG || tag.tag === MERGE_TAG) return false;
    return !('format' in tag && tag.format === 'TIME');
  });
}

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'yaml-1.1',
  customTags: kubernetesTags,
  merge: false,
  intAsBigInt: true,
  // Duplicate keys are reported by the converter, in goyaml's words and with every duplicate listed.
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
};
