// The rules bot under load. Turn: a visitor's FAQ question → the bot's answer on the visitor's
// socket. Handoff: the visitor's last message before the handoff → `handoff:requested` at an agent.
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { ulid } from '@switchboard/protocol';
import type { ServerChild } from './child.js';
import { connect, post, visitorSockets } from './net.js';

interface Chat {
  socket: Socket;
  conversationId: string;
}

async function startChats(url: string, count: number): Promise<Chat[]> {
  const sockets = await visitorSockets(url, count);
  return Promise.all(
    sockets.map(async (socket) => {
      const started = (await socket.emitWithAck('conversation:start', {})) as { data: { id: string } };
      return { socket, conversationId: started.data.id };
    }),
  );
}

const say = (chat: Chat, text: string) =>
  chat.socket.emitWithAck('message:send', {
    conversationId: chat.conversationId,
    clientMessageId: ulid(),
    text,
  });

/** Resolves with the time the next bot message reaches this visitor. */
function nextBotMessage(chat: Chat): Promise<number> {
  return new Promise((resolve) => {
    const listener = (message: { authorKind: string }) => {
      if (message.authorKind !== 'bot') return;
      chat.socket.off('message:created', listener);
      resolve(performance.now());
    };
    chat.socket.on('message:created', listener);
  });
}

const paced = <T>(items: T[], perSecond: number, run: (item: T) => Promise<number>) =>
  Promise.all(
    items.map(async (item, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / perSecond));
      return run(item);
    }),
  );

/** Each visitor asks one FAQ question, `perSecond` visitors a second. `ready` marks the end of set-up. */
export async function runTurns(
  server: ServerChild,
  visitors: number,
  perSecond: number,
  ready: () => Promise<void>,
): Promise<number[]> {
  const chats = await startChats(server.url, visitors);
  await ready();
  return paced(chats, perSecond, async (chat) => {
    const answered = nextBotMessage(chat);
    const t0 = performance.now();
    await say(chat, 'How do returns work?');
    return (await answered) - t0;
  });
}

/** Each visitor asks for a person and gives their email; an agent socket hears the handoff. */
export async function runHandoffs(
  server: ServerChild,
  visitors: number,
  perSecond: number,
  ready: () => Promise<void>,
): Promise<number[]> {
  const { token } = await post<{ token: string }>(`${server.url}/v1/agent/sessions`, {
    email: 'agent@switchboard.dev',
    password: 'switchboard',
  });
  const agent = await connect(`${server.url}/agent`, token);
  const requestedAt = new Map<string, number>();
  agent.on('handoff:requested', (event: { conversation: { id: string } }) =>
    requestedAt.set(event.conversation.id, performance.now()),
  );
  const chats = await startChats(server.url, visitors);
  await ready();
  const samples = await paced(chats, perSecond, async (chat) => {
    const asked = nextBotMessage(chat);
    await say(chat, 'Talk to a human');
    await asked;
    const t0 = performance.now();
    await say(chat, 'visitor@example.com');
    const deadline = Date.now() + 30_000;
    while (!requestedAt.has(chat.conversationId) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2));
    }
    return (requestedAt.get(chat.conversationId) ?? Number.NaN) - t0;
  });
  agent.disconnect();
  return samples;
}
