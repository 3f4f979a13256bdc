// `pnpm bench:routing`: queued → agent notified, with 500 conversations and 50 agents.
import { performance } from 'node:perf_hooks';
import { startServerChild, type ServerChild } from './lib/child.js';
import { runArrivals, runBacklog } from './lib/routing-load.js';
import { fmt, percentile } from './lib/stats.js';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 50);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 500);
/** Conversations started per second in the arrivals run. */
const RATE = Number(process.env.BENCH_ARRIVAL_RATE ?? 50);

async function measure(
  run: (server: ServerChild, agents: number, conversations: number) => Promise<number[]>,
): Promise<number[]> {
  const server = await startServerChild('--switchboard', `--agents=${AGENTS}`);
  try {
    const serverBefore = await server.cpuMicros();
    const clientBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const samples = await run(server, AGENTS, CONVERSATIONS);
    const client = process.cpuUsage(clientBefore);
    const wall = performance.now() - wallBefore;
    console.log(
      `  (server CPU ${fmt(((await server.cpuMicros()) - serverBefore) / 1000, 0)} ms, load generator CPU ${fmt((client.user + client.system) / 1000, 0)} ms, wall ${fmt(wall, 0)} ms)`,
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

console.log(
  `Routing: ${AGENTS} agents (capacity 10 each) in one least-busy queue, ${CONVERSATIONS} conversations.\n`,
);
row(
  `arrivals at ${RATE}/s (start → agent notified)`,
  await measure((server, agents, conversations) => runArrivals(server, agents, conversations, RATE)),
);
row('backlog (all agents available → notified)', await measure(runBacklog));
process.exit(0);
