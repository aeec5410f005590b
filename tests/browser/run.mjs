// ctest entry: runs the browser suite, or exits 77 (skipped) saying what is missing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { here, missingPrerequisite } from './harness.mjs';

const missing = missingPrerequisite();
if (missing) {
  console.log(`browser tests skipped: ${missing}`);
  process.exit(77);
}
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', join(here, 'e2e.test.mjs')], { stdio: 'inherit' });
process.exit(r.status === null ? 1 : r.status);
