// Prints `N passed, N failed` over the vitest and Playwright JSON reports (missing report = failure).
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let missing = false;

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    console.log(`no test report at ${path}`);
    missing = true;
    return undefined;
  }
}

const vitest = read(process.argv[2]);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  // A file that failed to load has no test results of its own: count it once.
  for (const file of vitest.testResults ?? []) if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed++;
}
const pw = read(process.argv[3]);
if (pw) {
  passed += pw.stats?.expected ?? 0;
  failed += (pw.stats?.unexpected ?? 0) + (pw.stats?.flaky ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || missing ? 1 : 0);
