// A @web/test-runner reporter that writes the run's counts as JSON ({ passed, failed, skipped })
// to `file`, so that `pnpm test` (scripts/test-all.mjs) can add them to its closing line.
import { writeFileSync } from 'node:fs';

/** @param {import('@web/test-runner-core').TestSuiteResult | undefined} suite */
function count(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

/** @param {string} file @returns {import('@web/test-runner-core').Reporter} */
export function summaryReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load (or threw outside a test) ran no test, but it failed.
        if (!session.passed && session.errors.length > 0) totals.failed++;
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
