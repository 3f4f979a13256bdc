// One workload, two servers: N visitors each send M messages at a steady pace; one agent
// socket receives them all. Latency is visitor emit → agent receipt, on one clock.
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { ulid } from '@switchboard/protocol';
import type { ServerChild } from './child.js';
import { connect, post } from './net.js';

export interface LoadOptions {
  visitors: number;
  messagesPerVisitor: number;
  /** Messages per second per visitor. */
  rate: number;
}

export interface LoadResult {
  messages: number;
  latenciesMs: number[];
  cpuMicrosPerMessage: number;
  throughput: number;
}

interface Endpoints {
  agent: Socket;
  visitors: { socket: Socket; conversationId: string }[];
}

async function switchboardEndpoints(url: string, visitors: number): Promise<Endpoints> {
  const { token } = await post<{ token: string }>(`${url}/v1/agent/sessions`, {
    email: 'agent@switchboard.dev',
    password: 'switchboard',
  });
  const agent = await connect(`${url}/agent`, token);
  const list = await Promise.all(
    Array.from({ length: visitors }, async () => {
      const session = await post<{ token: string }>(`${url}/v1/visitor/sessions`, {
        siteKey: 'pk_demo_switchboard',
      });
      const socket = await connect(`${url}/visitor`, session.token);
      const ack = (await socket.emitWithAck('conversation:start', {})) as { ok: true; data: { id: string } };
      return { socket, conversationId: ack.data.id };
    }),
  );
  return { agent, visitors: list };
}

async function bareEndpoints(url: string, visitors: number): Promise<Endpoints> {
  const agent = await connect(`${url}/agent`);
  const list = await Promise.all(
    Array.from({ length: visitors }, async (_, i) => ({
      socket: await connect(`${url}/visitor`),
      conversationId: `c${i}`,
    })),
  );
  return { agent, visitors: list };
}

export async function runMessageLoad(
  server: ServerChild,
  kind: 'switchboard' | 'bare',
  options: LoadOptions,
): Promise<LoadResult> {
  const endpoints = await (kind === 'switchboard' ? switchboardEndpoints : bareEndpoints)(
    server.url,
    options.visitors,
  );
  const sentAt = new Map<string, number>();
  const latenciesMs: number[] = [];
  let received = 0;
  let allReceived: () => void = () => {};
  const done = new Promise<void>((resolve) => (allReceived = resolve));
  endpoints.agent.on('message:created', (message: { clientMessageId: string }) => {
    const start = sentAt.get(message.clientMessageId);
    if (start === undefined) return;
    latenciesMs.push(performance.now() - start);
    sentAt.delete(message.clientMessageId);
    if (++received === total) allReceived();
  });

  const send = async (visitor: Endpoints['visitors'][number], measure: boolean) => {
    const clientMessageId = ulid();
    if (measure) sentAt.set(clientMessageId, performance.now());
    const ack = (await visitor.socket.emitWithAck('message:send', {
      conversationId: visitor.conversationId,
      clientMessageId,
      text: 'How long does shipping to Lisbon take?',
    })) as { ok: boolean };
    if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack)}`);
  };

  // Warm up JIT, statement caches and socket buffers; not measured.
  await Promise.all(
    endpoints.visitors.map(async (v) => {
      for (let i = 0; i < 20; i++) await send(v, false);
    }),
  );

  const total = options.visitors * options.messagesPerVisitor;
  const interval = 1000 / options.rate;
  const cpuBefore = await server.cpuMicros();
  const started = performance.now();
  await Promise.all(
    endpoints.visitors.map(async (visitor, index) => {
      await new Promise((r) => setTimeout(r, (interval * index) / options.visitors));
      for (let i = 0; i < options.messagesPerVisitor; i++) {
        const due = started + i * interval;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        void send(visitor, true);
      }
    }),
  );
  await Promise.race([
    done,
    new Promise((_, reject) => setTimeout(() => reject(new Error('messages lost')), 30_000)),
  ]);
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = await server.cpuMicros();

  endpoints.agent.disconnect();
  for (const v of endpoints.visitors) v.socket.disconnect();
  return {
    messages: total,
    latenciesMs,
    cpuMicrosPerMessage: (cpuAfter - cpuBefore) / total,
    throughput: total / elapsed,
  };
}
