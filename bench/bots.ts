// `pnpm bench` (part): the built-in rules bot's answer latency and the handoff latency.
import { performance } from 'node:perf_hooks';
import { startServerChild, type ServerChild } from './lib/child.js';
import { runHandoffs, runTurns } from './lib/bot-load.js';
import { fmt, percentile } from './lib/stats.js';

const VISITORS = Number(process.env.BENCH_BOT_VISITORS ?? 400);
const RATE = Number(process.env.BENCH_BOT_RATE ?? 100);

/** Server CPU is counted from the end of set-up (sessions, sockets, conversation starts). */
async function measure(
  run: (server: ServerChild, ready: () => Promise<void>) => Promise<number[]>,
): Promise<number[]> {
  const server = await startServerChild('--switchboard', '--bot');
  try {
    let cpuBefore = 0;
    let wallBefore = 0;
    const samples = await run(server, async () => {
      cpuBefore = await server.cpuMicros();
      wallBefore = performance.now();
    });
    const cpu = (await server.cpuMicros()) - cpuBefore;
    console.log(
      `  (server CPU ${fmt(cpu / 1000, 0)} ms = ${fmt(cpu / samples.length, 0)} µs per visitor, wall ${fmt(performance.now() - wallBefore, 0)} ms)`,
    );
    return samples;
  } finally {
    server.stop();
  }
}

const row = (label: string, samples: number[]) =>
  console.log(
    `${label.padEnd(46)}p50 ${fmt(percentile(samples, 50)).padStart(7)} ms   p99 ${fmt(percentile(samples, 99)).padStart(7)} ms   max ${fmt(Math.max(...samples)).padStart(7)} ms   (${samples.filter(Number.isFinite).length}/${samples.length})`,
  );

console.log(`Rules bot: ${VISITORS} visitors, ${RATE} a second.\n`);
row(
  'FAQ question → bot answer at the visitor',
  await measure((s, ready) => runTurns(s, VISITORS, RATE, ready)),
);
row(
  'last visitor message → handoff:requested',
  await measure((s, ready) => runHandoffs(s, VISITORS, RATE, ready)),
);
process.exit(0);
