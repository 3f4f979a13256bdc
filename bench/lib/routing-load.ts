// Queued → agent notified. 50 agent sockets (capacity 10 each) in one queue; 500 conversations.
// Arrivals: conversations start at a steady rate while agents have room; latency is from the visitor's
// `conversation:start` to the owning agent's `conversation:assigned`.
// Backlog: 500 conversations wait while every agent is away; all 50 turn available at once;
// latency is from that moment to each `conversation:assigned`.
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import type { ServerChild } from './child.js';
import { connect, post, visitorSockets as visitors } from './net.js';

/** Waits for `count` assignment notifications and records when each arrived. */
function collectAssignments(agents: Socket[], count: number) {
  const arrivedAt = new Map<string, number>();
  let resolveAll: () => void = () => {};
  const done = new Promise<void>((resolve) => (resolveAll = resolve));
  const onAssigned = (event: { conversation: { id: string } }) => {
    if (arrivedAt.has(event.conversation.id)) return;
    arrivedAt.set(event.conversation.id, performance.now());
    if (arrivedAt.size === count) resolveAll();
  };
  // Every agent socket hears every assignment; the first to arrive counts as "notified".
  for (const agent of agents) agent.on('conversation:assigned', onAssigned);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('assignments missing')), 60_000),
  );
  return {
    arrivedAt,
    done: () => Promise.race([done, timeout]),
    stop: () => agents.forEach((a) => a.off('conversation:assigned', onAssigned)),
  };
}

const start = async (socket: Socket) =>
  ((await socket.emitWithAck('conversation:start', {})) as { data: { id: string } }).data.id;

async function agentSockets(url: string, count: number): Promise<Socket[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const { token } = await post<{ token: string }>(`${url}/v1/agent/sessions`, {
        email: `bench-${i}@switchboard.dev`,
        password: 'bench',
      });
      return connect(`${url}/agent`, token);
    }),
  );
}

/** Conversations arrive at `perSecond` while agents have room. */
export async function runArrivals(
  server: ServerChild,
  agentCount: number,
  conversations: number,
  perSecond: number,
): Promise<number[]> {
  const agents = await agentSockets(server.url, agentCount);
  const arrivals = await visitors(server.url, conversations);
  const assignments = collectAssignments(agents, conversations);
  const startedAt = new Map<string, number>();
  await Promise.all(
    arrivals.map(async (visitor, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / perSecond));
      const t0 = performance.now();
      startedAt.set(await start(visitor), t0);
    }),
  );
  await assignments.done();
  for (const socket of [...agents, ...arrivals]) socket.disconnect();
  return [...startedAt].map(([id, t0]) => (assignments.arrivedAt.get(id) ?? Number.NaN) - t0);
}

/** Conversations pile up while every agent is away; then all of them become available at once. */
export async function runBacklog(
  server: ServerChild,
  agentCount: number,
  conversations: number,
): Promise<number[]> {
  const agents = await agentSockets(server.url, agentCount);
  const setAll = (status: string) =>
    Promise.all(agents.map((a) => a.emitWithAck('agent:set_status', { status })));
  await setAll('away');
  const waiting = await visitors(server.url, conversations);
  const ids = await Promise.all(waiting.map(start));
  const assignments = collectAssignments(agents, conversations);
  const t0 = performance.now();
  await setAll('available');
  await assignments.done();
  for (const socket of [...agents, ...waiting]) socket.disconnect();
  return ids.map((id) => (assignments.arrivedAt.get(id) ?? Number.NaN) - t0);
}
