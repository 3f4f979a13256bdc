// The widget's component tests (`*.wtr.test.ts`, beside each component) in a real Chromium, through
// @web/test-runner: `pnpm --filter @switchboard/widget test:browser`. vitest leaves these files
// alone (see vitest.config.ts); they render the element and its parts in a real DOM.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { summaryReporter } from './test/summary-reporter.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(
    `No Chromium at ${executablePath}. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH.`,
  );
}

export default {
  // The workspace root, so the other packages' sources (reached through pnpm's symlinks) are served too.
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  files: ['src/**/*.wtr.test.ts'],
  // Workspace packages resolve to their TypeScript source, as in vitest: never a stale dist/.
  // `browser` also applies package.json browser maps (engine.io-client's). Not `development`:
  // socket.io-parser maps it to a build that imports the CommonJS `debug`.
  nodeResolve: { browser: true, exportConditions: ['source', 'browser'] },
  plugins: [
    // Chromium's accessibility tree, to check what a screen reader is told (sendKeys,
    // emulateMedia and setViewport are built in).
    a11ySnapshotPlugin(),
    // The widget's tsconfig (ES2022, `useDefineForClassFields: false`, which lit's `declare`d
    // reactive properties rely on); esbuild reads it for every TypeScript file it serves.
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  // One page at a time: the tests move focus and type, and a page in the background does not
  // get focus; the machines are small and shared too.
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  // No progress bar redrawn in place where nobody watches (CI, a log file).
  staticLogging: !process.stdout.isTTY,
  reporters: [
    defaultReporter(),
    // `pnpm test` reads the counts for its closing line.
    ...(process.env.SWITCHBOARD_WTR_SUMMARY ? [summaryReporter(process.env.SWITCHBOARD_WTR_SUMMARY)] : []),
  ],
};
