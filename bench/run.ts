// `pnpm bench`: prints the numbers recorded in docs/benchmarks.md.
//   BENCH_VISITORS (default 20), BENCH_MESSAGES per visitor (default 100), BENCH_RATE per visitor per second (default 20)
import { cpus } from 'node:os';
import { printWidgetSizes } from './widget-size.js';
import { startServerChild } from './lib/child.js';
import { runMessageLoad, type LoadOptions, type LoadResult } from './lib/message-load.js';
import { fmt, percentile } from './lib/stats.js';

const options: LoadOptions = {
  visitors: Number(process.env.BENCH_VISITORS ?? 20),
  messagesPerVisitor: Number(process.env.BENCH_MESSAGES ?? 100),
  rate: Number(process.env.BENCH_RATE ?? 20),
};

async function measure(kind: 'switchboard' | 'bare'): Promise<LoadResult> {
  const server = await startServerChild(kind === 'bare' ? '--bare' : '--switchboard');
  try {
    return await runMessageLoad(server, kind, options);
  } finally {
    server.stop();
  }
}

console.log(
  `Switchboard benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
);
console.log(
  `Load: ${options.visitors} visitors × ${options.messagesPerVisitor} messages at ${options.rate}/s each ` +
    `(${options.visitors * options.rate} msg/s offered), one agent socket receiving all.\n`,
);

const bare = await measure('bare');
const switchboard = await measure('switchboard');
const row = (label: string, pick: (r: LoadResult) => string) =>
  console.log(`${label.padEnd(34)}${pick(switchboard).padStart(14)}${pick(bare).padStart(18)}`);
console.log(`${''.padEnd(34)}${'switchboard'.padStart(14)}${'bare socket.io'.padStart(18)}`);
row('server CPU per message (µs)', (r) => fmt(r.cpuMicrosPerMessage, 0));
row('delivery latency p50 (ms)', (r) => fmt(percentile(r.latenciesMs, 50)));
row('delivery latency p99 (ms)', (r) => fmt(percentile(r.latenciesMs, 99)));
row('messages delivered', (r) => `${r.latenciesMs.length}/${r.messages}`);
row('throughput (msg/s)', (r) => fmt(r.throughput, 0));
console.log(
  '\nSwitchboard per message: validate, authorise, one SQLite transaction (idempotency check, seq, insert), broadcast.',
);

printWidgetSizes();
process.exit(0);
