import { describe, expect, it } from 'vitest';
import { conversation, message } from '../testing/factories.js';
import { conversationAlert, messageAlert, type AlertContext } from './alerts.js';

const away: AlertContext = { selfId: 'me', selectedId: null, visible: true };

describe('conversationAlert', () => {
  it('calls for a conversation waiting in the queue, or given to me', () => {
    expect(conversationAlert(conversation('c1', { status: 'queued', assigneeId: null }), away)).toMatchObject(
      {
        conversationId: 'c1',
        title: 'New conversation',
      },
    );
    expect(
      conversationAlert(conversation('c1', { status: 'active', assigneeId: 'me' }), away),
    ).not.toBeNull();
  });

  it('stays quiet for the bot’s conversations, a colleague’s, and the one I am looking at', () => {
    expect(conversationAlert(conversation('c1', { status: 'bot', assigneeId: null }), away)).toBeNull();
    expect(conversationAlert(conversation('c1', { status: 'active', assigneeId: 'bo' }), away)).toBeNull();
    const watching = { ...away, selectedId: 'c1' };
    expect(
      conversationAlert(conversation('c1', { status: 'queued', assigneeId: null }), watching),
    ).toBeNull();
    // Open but in a hidden tab: still called.
    expect(
      conversationAlert(conversation('c1', { status: 'queued', assigneeId: null }), {
        ...watching,
        visible: false,
      }),
    ).not.toBeNull();
  });
});

describe('messageAlert', () => {
  const mine = conversation('c1', { status: 'active', assigneeId: 'me' });

  it('calls for a visitor writing in my conversation, with the text clipped', () => {
    const long = 'x'.repeat(300);
    const alert = messageAlert(message(1, { authorKind: 'visitor', text: long }), mine, away);
    expect(alert).toMatchObject({ conversationId: 'c1', title: 'New message' });
    expect(alert?.body.length).toBe(140);
  });

  it('ignores agents, bots, notes, colleagues’ conversations and the open one', () => {
    expect(messageAlert(message(1, { authorKind: 'agent', text: 'hi' }), mine, away)).toBeNull();
    expect(messageAlert(message(1, { authorKind: 'bot', text: 'hi' }), mine, away)).toBeNull();
    const theirs = conversation('c1', { status: 'active', assigneeId: 'bo' });
    expect(messageAlert(message(1, { authorKind: 'visitor', text: 'hi' }), theirs, away)).toBeNull();
    expect(
      messageAlert(message(1, { authorKind: 'visitor', text: 'hi' }), mine, { ...away, selectedId: 'c1' }),
    ).toBeNull();
    expect(messageAlert(message(1, { authorKind: 'visitor', text: 'hi' }), undefined, away)).toBeNull();
  });
});
