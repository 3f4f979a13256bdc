#!/usr/bin/env node
// `pnpm test`: every check there is, in the order that fails fastest and explains best.
// Build → typecheck → lint → format → API reference → the widget's component tests in Chromium (@web/test-runner)
// → unit, integration, browser and end-to-end tests (vitest).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (label, command, args, env = {}) => {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stdout.write(`\n✖ ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
};

function chromePath() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    fail(`CHROME_PATH=${process.env.CHROME_PATH} does not exist.`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    run('Installing Chromium from Debian packages (browser tests need it)', 'sh', [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
    ]);
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  fail(
    'Browser tests need Chromium. Install it (Debian/Ubuntu: sudo apt-get install chromium) ' +
      'or point CHROME_PATH at a Chrome or Chromium binary, e.g. CHROME_PATH=/usr/bin/google-chrome pnpm test',
  );
}

function fail(message) {
  process.stderr.write(`\n✖ ${message}\n`);
  process.exit(1);
}

const CHROME_PATH = chromePath();
process.stdout.write(`Using Chromium at ${CHROME_PATH}\n`);

run('Build every package', 'pnpm', ['run', 'build']);
run('Typecheck (sources and tests)', 'pnpm', ['run', 'typecheck']);
run('Lint', 'pnpm', ['run', 'lint']);
run('Formatting', 'pnpm', ['run', 'format:check']);
run('API reference (docs/api) matches the TSDoc', 'node', ['scripts/api-docs.mjs', '--check']);

const reports = mkdtempSync(join(tmpdir(), 'switchboard-tests-'));
const componentReport = join(reports, 'widget-components.json');
run(
  'Widget component tests in Chromium (@web/test-runner)',
  'pnpm',
  ['--filter', '@switchboard/widget', 'run', 'test:browser'],
  { CHROME_PATH, SWITCHBOARD_WTR_SUMMARY: componentReport },
);
const components = existsSync(componentReport)
  ? JSON.parse(readFileSync(componentReport, 'utf8'))
  : { passed: 0, failed: 0, skipped: 0 };

const report = join(reports, 'report.json');
const vitest = spawnSync(
  'pnpm',
  ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  {
    stdio: 'inherit',
    env: { ...process.env, CHROME_PATH },
  },
);
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(
    readFileSync(report, 'utf8'),
  );
  const passed = numPassedTests + components.passed;
  const failed = numFailedTests + components.failed;
  const skipped = numPendingTests + numTodoTests + components.skipped;
  // A plain closing line any CI can read: vitest's tests and the widget's component tests.
  process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
}
process.exit(vitest.status ?? 1);
