// `pnpm bench` (part): channel bridging through the generic webhook channel. Customers of a
// connected system post signed messages; we time the webhook's answer (store and 200) and the
// way to an agent's socket (inbox worker, contact, conversation, message). Then an agent replies
// and we time each reply to its arrival at the system (outbox worker, signed POST).
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ulid } from '@switchboard/protocol';
import { startServerChild } from './lib/child.js';
import { connect, post } from './lib/net.js';
import { fmt, percentile } from './lib/stats.js';

const CUSTOMERS = Number(process.env.BENCH_CHANNEL_CUSTOMERS ?? 100);
const MESSAGES = Number(process.env.BENCH_CHANNEL_MESSAGES ?? 5);
const RATE = Number(process.env.BENCH_CHANNEL_RATE ?? 200);
const SECRET = 'bench-secret-of-some-length';

const server = await startServerChild('--switchboard');
// The connected system: counts our deliveries by message id.
const arrived = new Map<string, number>();
const system = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const { text } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string };
    arrived.set(text, performance.now());
    response.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => system.listen(0, '127.0.0.1', resolve));

try {
  const { token } = await post<{ token: string }>(`${server.url}/v1/agent/sessions`, {
    email: 'agent@switchboard.dev',
    password: 'switchboard',
  });
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const sites = (await (await fetch(`${server.url}/v1/sites`, { headers: auth })).json()) as { id: string }[];
  const account = (await (
    await fetch(`${server.url}/v1/channels`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        siteId: sites[0]?.id,
        channel: 'webhook',
        name: 'Bench',
        config: { secret: SECRET, url: `http://127.0.0.1:${(system.address() as AddressInfo).port}/` },
      }),
    })
  ).json()) as { id: string };
  const agent = await connect(`${server.url}/agent`, token);
  const webhook = `${server.url}/v1/channels/${account.id}/webhook`;

  // Inbound.
  const postedAt = new Map<string, number>();
  const answerMs: number[] = [];
  const toAgentMs: number[] = [];
  const conversations = new Set<string>();
  const total = CUSTOMERS * MESSAGES;
  let allIn: () => void = () => {};
  const inDone = new Promise<void>((resolve) => (allIn = resolve));
  agent.on('message:created', (message: { text: string; conversationId: string; authorKind: string }) => {
    const start = postedAt.get(message.text);
    if (start === undefined || message.authorKind !== 'visitor') return;
    toAgentMs.push(performance.now() - start);
    conversations.add(message.conversationId);
    if (toAgentMs.length === total) allIn();
  });
  const cpuBefore = await server.cpuMicros();
  const wallBefore = performance.now();
  const posts: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const customer = i % CUSTOMERS;
    const text = `message ${i} from customer ${customer}`;
    const body = JSON.stringify({
      type: 'message',
      id: `bench-${i}`,
      from: { id: `customer-${customer}` },
      text,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex');
    const start = performance.now();
    postedAt.set(text, start);
    posts.push(
      fetch(webhook, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-switchboard-timestamp': timestamp,
          'x-switchboard-signature': `sha256=${signature}`,
        },
        body,
      }).then(async (response) => {
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
        answerMs.push(performance.now() - start);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000 / RATE));
  }
  await Promise.all(posts);
  await inDone;
  const inWall = performance.now() - wallBefore;
  const inCpu = (await server.cpuMicros()) - cpuBefore;

  // Outbound: one reply per conversation (the agent takes each first).
  const replies = [...conversations];
  for (const id of replies) await agent.emitWithAck('conversation:accept', { conversationId: id });
  const sentAt = new Map<string, number>();
  const outCpuBefore = await server.cpuMicros();
  for (const [index, conversationId] of replies.entries()) {
    const text = `reply ${index}`;
    sentAt.set(text, performance.now());
    await agent.emitWithAck('message:send', { conversationId, clientMessageId: ulid(), text });
  }
  const deadline = Date.now() + 60_000;
  while (arrived.size < replies.length + 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 10));
  const outCpu = (await server.cpuMicros()) - outCpuBefore;
  const toSystemMs = [...sentAt].map(([text, start]) => (arrived.get(text) ?? Number.NaN) - start);

  const row = (label: string, samples: number[]) =>
    console.log(
      `${label.padEnd(46)}p50 ${fmt(percentile(samples, 50)).padStart(7)} ms   p99 ${fmt(percentile(samples, 99)).padStart(7)} ms   max ${fmt(Math.max(...samples)).padStart(7)} ms   (${samples.filter(Number.isFinite).length}/${samples.length})`,
    );
  console.log(
    `Channels (generic webhook): ${CUSTOMERS} customers × ${MESSAGES} messages, ${RATE} posts a second.\n`,
  );
  row('signed webhook POST → 200 (stored)', answerMs);
  row('webhook POST → message:created at the agent', toAgentMs);
  console.log(
    `  (${fmt(total / (inWall / 1000), 0)} messages/s; server CPU ${fmt(inCpu / total, 0)} µs per inbound message)`,
  );
  row('agent reply → signed POST at the system', toSystemMs);
  console.log(`  (server CPU ${fmt(outCpu / replies.length, 0)} µs per outbound reply)`);
} finally {
  server.stop();
  system.close();
}
process.exit(0);
