/**
 * `npm run bench`: every benchmark, printed as a table, or as one JSON object with `-- --json`.
 * Speed is measured here, never asserted in tests.
 */
import { benchStore } from './store-bench.ts';
import { benchApi } from './api-bench.ts';

type Bench = { name: string; run: () => Record<string, number> | Promise<Record<string, number>> };

const BENCHES: Bench[] = [
  { name: 'store', run: benchStore },
  { name: 'api', run: benchApi },
];

async function optional(path: string, exportName: string): Promise<Bench | undefined> {
  try {
    const mod = (await import(path)) as Record<string, () => Record<string, number>>;
    const fn = mod[exportName];
    return fn ? { name: exportName, run: fn } : undefined;
  } catch {
    return undefined;
  }
}

async function main() {
  const json = process.argv.includes('--json');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const extra = await Promise.all([optional('./scheduler-bench.ts', 'benchScheduler'), optional('./cluster-bench.ts', 'benchCluster'), optional('./ui-bench.ts', 'benchUi'), optional('./server-bench.ts', 'benchServer'), optional('./workloads-bench.ts', 'benchWorkloads')]);
  const results: Record<string, number> = {};
  for (const b of [...BENCHES, ...extra.filter((b): b is Bench => !!b)]) {
    if (only && !b.name.toLowerCase().includes(only.toLowerCase())) continue;
    if (!json) process.stdout.write(`running ${b.name}...\n`);
    Object.assign(results, await b.run());
  }
  if (json) {
    process.stdout.write(JSON.stringify(results) + '\n');
  } else {
    const width = Math.max(...Object.keys(results).map((k) => k.length));
    for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(width)}  ${v.toLocaleString('en-US')}\n`);
  }
}

void main();
