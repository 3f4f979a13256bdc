import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid, type Message, type MessagePage } from '@switchboard/protocol';
import { nextEvent, startHarness, type Harness } from '../test-support/harness.js';

const TENT = {
  title: 'Ridge 2P tent',
  subtitle: '1.4 kg, three seasons',
  price: '€249',
  imageUrl: '/images/ridge-2p-tent.svg',
  url: '/#tents',
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A visitor waiting in the queue and an agent's socket. */
async function queuedChat() {
  const visitor = await h.visitorSession();
  const visitorSocket = await h.visitorSocket(visitor.token);
  const started = await visitorSocket.emitWithAck('conversation:start', {});
  if (!started.ok) throw new Error(started.error.message);
  const agent = await h.createAgent();
  return {
    visitor,
    visitorSocket,
    conversationId: started.data.id,
    agent,
    agentSocket: await h.agentSocket(agent.token),
  };
}

describe('an agent message with cards', () => {
  it('reaches the visitor live and in history, with blank text', async () => {
    const { visitor, visitorSocket, conversationId, agentSocket } = await queuedChat();
    const heard = nextEvent<Message>(visitorSocket, 'message:created');
    const ack = await agentSocket.emitWithAck('message:send', {
      conversationId,
      clientMessageId: ulid(),
      text: '  ',
      cards: [TENT],
    });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.data).toMatchObject({ authorKind: 'agent', kind: 'text', text: '', cards: [TENT] });
    expect(await heard).toEqual(ack.data);
    const history = await h.get<MessagePage>(`/v1/conversations/${conversationId}/messages`, visitor.token);
    expect(history.body.items.at(-1)?.cards).toEqual([TENT]);
  });

  it('is refused in a note, from a visitor, and with a card no client could show safely', async () => {
    const { visitorSocket, conversationId, agentSocket } = await queuedChat();
    const before = h.count('messages');
    const note = await agentSocket.emitWithAck('message:send', {
      conversationId,
      clientMessageId: ulid(),
      text: 'for us',
      kind: 'note',
      cards: [TENT],
    });
    expect(note).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const fromVisitor = await visitorSocket.emitWithAck('message:send', {
      conversationId,
      clientMessageId: ulid(),
      text: 'mine',
      // @ts-expect-error visitors send no cards; the server must refuse it at run time too
      cards: [TENT],
    });
    expect(fromVisitor).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const scripted = await agentSocket.emitWithAck('message:send', {
      conversationId,
      clientMessageId: ulid(),
      text: 'look',
      cards: [{ title: 'Tent', url: 'javascript:alert(1)' }],
    });
    expect(scripted).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(h.count('messages')).toBe(before);
  });
});
