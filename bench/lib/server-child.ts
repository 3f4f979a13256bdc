// Runs in a child process so its CPU time is the server's alone. Started by bench/run.ts with
// `--switchboard` (the real server on a fresh SQLite file) or `--bare` (a bare socket.io relay
// with the same topology: visitor socket → server → agent room).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import {
  createApp,
  hashPasswordSync,
  loadConfig,
  silentLogger,
  type SwitchboardApp,
} from '@switchboard/server';

type Reply = { type: 'ready'; url: string } | { type: 'cpu'; micros: number };
const send = (reply: Reply) => process.send?.(reply);

/** `--agents=N` seeds N extra agents (password "bench", capacity 10) into the demo queue. */
const agentCount = Number(/--agents=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 0);

async function startSwitchboard(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const config = loadConfig({
    PORT: '0',
    SWITCHBOARD_DATABASE_PATH: join(dir, 'bench.sqlite'),
    SWITCHBOARD_SERVE_EXAMPLES: 'false',
    // `--bot`: the demo site's rules bot answers first (bench/bots.ts); otherwise straight to the queue.
    SWITCHBOARD_DEMO_BOT: process.argv.includes('--bot') ? 'true' : 'false',
    SWITCHBOARD_SESSION_RATE_PER_MIN: '1000000',
    SWITCHBOARD_MESSAGE_RATE_PER_SEC: '100000',
  });
  const app = await createApp({ config, logger: silentLogger, staticRoots: null });
  if (agentCount > 0) await seedAgents(app, agentCount);
  return (await app.listen()).url;
}

async function seedAgents(app: SwitchboardApp, count: number): Promise<void> {
  const site = await app.store.sites.byKey('pk_demo_switchboard');
  const queue = site && (await app.store.queues.defaultForSite(site.id));
  if (!queue) throw new Error('the demo queue is missing');
  const passwordHash = hashPasswordSync('bench');
  for (let i = 0; i < count; i++) {
    const agent = await app.store.agents.create({
      email: `bench-${i}@switchboard.dev`,
      name: `Bench ${i}`,
      role: 'agent',
      capacity: 10,
      passwordHash,
    });
    await app.store.queues.addMember(queue.id, agent.id);
  }
}

async function startBare(): Promise<string> {
  const http = createServer();
  const io = new Server(http);
  io.of('/agent').on('connection', (socket) => void socket.join('agents'));
  io.of('/visitor').on('connection', (socket) => {
    socket.on('message:send', (payload: unknown, ack: (reply: unknown) => void) => {
      io.of('/agent').to('agents').emit('message:created', payload);
      ack({ ok: true, data: payload });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

const url = process.argv.includes('--bare') ? await startBare() : await startSwitchboard();
process.on('message', (message: { type: string }) => {
  if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    send({ type: 'cpu', micros: user + system });
  }
});
send({ type: 'ready', url });
// Exit normally on SIGINT so that --cpu-prof gets to write its profile.
process.once('SIGINT', () => process.exit(0));
