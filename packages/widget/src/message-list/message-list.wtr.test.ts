import { SwitchboardError, type PendingMessage } from '@switchboard/agent-sdk';
import type { Message } from '@switchboard/protocol';
import { expect } from '@esm-bundle/chai';
import { waitUntil } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import { findAccessible } from '../../test/accessibility.js';
import { chatFixture, deepActiveElement, textOf, type ChatFixture } from '../../test/chat-fixture.js';
import { conversation } from '../../test/fake-visitor-client.js';
import { message } from '../testing/factories.js';

const MINUTE = 60_000;

/** The open chat showing `messages` (and whatever else of the state is given). */
function showing(messages: Message[], state: Parameters<typeof chatFixture>[0] = {}) {
  return chatFixture({
    open: true,
    ...state,
    state: { conversation: conversation({ status: 'active' }), messages, ...state.state },
  });
}

/** The one bubble showing `text`, as rendered from a message. */
async function bubble(text: string): Promise<HTMLElement> {
  const { part } = await showing([message({ authorKind: 'agent', authorId: 'a1', text })]);
  return part('message').querySelector<HTMLElement>('.text')!;
}

function pending(text: string, error: SwitchboardError | null = null): PendingMessage {
  return {
    clientMessageId: 'PENDING0000000000000000001',
    conversationId: 'c1',
    text,
    kind: 'text',
    attachments: [],
    createdAt: new Date().toISOString(),
    attempts: 1,
    error,
  };
}

describe('message list', () => {
  it('is a labelled, focusable polite live region (a log) with a greeting while empty', async () => {
    const { part } = await chatFixture({ open: true });
    const list = part('messages');
    expect(list.getAttribute('role')).to.equal('log');
    expect(list.getAttribute('aria-live')).to.equal('polite');
    expect(list.getAttribute('aria-label')).to.equal('Messages');
    expect(list.tabIndex).to.equal(0);
    expect(textOf(part('empty'))).to.equal('Hi! Ask us anything and we will reply right here.');

    const log = await findAccessible((node) => node.role === 'log');
    expect(log?.name).to.equal('Messages');
    expect(log?.live).to.equal('polite');
  });

  describe('grouping', () => {
    it('puts consecutive messages by one author in one block with one author label', async () => {
      const { parts } = await showing([
        message({ authorKind: 'visitor', text: 'hello', at: 0 }),
        message({ authorKind: 'visitor', text: 'anyone?', at: MINUTE }),
        message({ authorKind: 'bot', authorId: 'bot1', text: 'I am the assistant', at: 2 * MINUTE }),
        message({ authorKind: 'agent', authorId: 'a1', text: 'Hi, Ada here', at: 3 * MINUTE }),
        message({ authorKind: 'agent', authorId: 'a1', text: 'How can I help?', at: 4 * MINUTE }),
        message({ authorKind: 'agent', authorId: 'a2', text: 'And Bob', at: 5 * MINUTE }),
      ]);
      const groups = parts('group');
      expect(groups.map((group) => group.getAttribute('part'))).to.deep.equal([
        'group group-self',
        'group group-other',
        'group group-other',
        'group group-other',
      ]);
      const rows = (group: HTMLElement) =>
        [...group.querySelectorAll('[part~="message"]')].map((row) => textOf(row));
      expect(rows(groups[0]!)).to.deep.equal(['hello', 'anyone?']);
      expect(rows(groups[2]!)).to.deep.equal(['Hi, Ada here', 'How can I help?']);

      // The visitor's own block has no label; others have exactly one.
      expect(groups[0]!.querySelector('[part~="author"]')).to.be.null;
      const bot = groups[1]!.querySelector('[part~="author"]')!;
      expect(bot.getAttribute('part')).to.equal('author author-bot');
      expect(textOf(bot)).to.equal('Assistant');
      expect(bot.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(groups[2]!.querySelectorAll('[part~="author"]')).to.have.length(1);
      expect(textOf(groups[2]!.querySelector('[part~="author-agent"]'))).to.equal('Support');
    });

    it('starts a new block after five quiet minutes', async () => {
      const { parts } = await showing([
        message({ authorKind: 'visitor', at: 0 }),
        message({ authorKind: 'visitor', at: 5 * MINUTE }),
        message({ authorKind: 'visitor', at: 10 * MINUTE + 1 }),
      ]);
      expect(parts('group').map((group) => group.querySelectorAll('[part~="message"]').length)).to.deep.equal(
        [2, 1],
      );
    });

    it('draws system lines on their own, unlabelled, and never shows internal notes', async () => {
      const { parts } = await showing([
        message({ authorKind: 'system', authorId: null, kind: 'event', text: 'Conversation assigned' }),
        message({ authorKind: 'system', authorId: null, text: 'Ada joined' }),
        message({ authorKind: 'agent', authorId: 'a1', kind: 'note', text: 'internal: VIP customer' }),
      ]);
      const groups = parts('group');
      expect(groups.map((group) => group.getAttribute('part'))).to.deep.equal([
        'group group-system',
        'group group-system',
      ]);
      expect(parts('message-system').map((row) => textOf(row))).to.deep.equal([
        'Conversation assigned',
        'Ada joined',
      ]);
      expect(parts('author')).to.be.empty;
      expect(parts('messages')[0]!.textContent).not.to.contain('VIP');
    });
  });

  describe('formatting', () => {
    it('turns *bold*, _italic_, ~strike~ and `mono` into elements', async () => {
      const text = await bubble('*Big* sale _today_ ~yesterday~ use `CODE10`');
      expect(textOf(text.querySelector('strong'))).to.equal('Big');
      expect(textOf(text.querySelector('em'))).to.equal('today');
      expect(textOf(text.querySelector('s'))).to.equal('yesterday');
      expect(textOf(text.querySelector('code'))).to.equal('CODE10');
      expect(text.textContent).to.equal('Big sale today yesterday use CODE10');
    });

    it('keeps markup as text: no element, no handler runs', async () => {
      // No formatting characters in it, so all of it must come out as one text node.
      const hostile =
        '<img src=x onerror="window.xssFired = true"><b>bold?</b><script>window.xssFired = true</script>';
      const text = await bubble(hostile);
      expect(text.textContent).to.equal(hostile);
      expect(text.querySelector('img, b, script')).to.be.null;
      expect(text.children).to.have.length(0);
      expect('xssFired' in window).to.be.false;
    });

    it('links http, https and mailto, opened in a new tab without the opener', async () => {
      const text = await bubble(
        'See https://example.com/help?q=1. Or http://example.org or mailto:help@example.com',
      );
      const links = [...text.querySelectorAll('a')];
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
        'https://example.com/help?q=1',
        'http://example.org/',
        'mailto:help@example.com',
      ]);
      expect(links.map((link) => link.textContent)).to.deep.equal([
        'https://example.com/help?q=1',
        'http://example.org',
        'mailto:help@example.com',
      ]);
      for (const link of links) {
        expect(link.target).to.equal('_blank');
        expect(link.relList.contains('noopener')).to.be.true;
        expect(link.relList.contains('noreferrer')).to.be.true;
      }
    });

    it('leaves other schemes as plain text', async () => {
      const written = 'javascript:alert(1) data:text/html,<b>x</b> ftp://example.com/file vbscript:msgbox';
      const text = await bubble(written);
      expect(text.querySelector('a')).to.be.null;
      expect(text.textContent).to.equal(written);
    });

    it("keeps line breaks and the text's own direction", async () => {
      const { part } = await showing([message({ authorKind: 'agent', authorId: 'a1', text: 'one\ntwo' })]);
      expect(part('message').querySelectorAll('br')).to.have.length(1);
      expect(part('message').getAttribute('dir')).to.equal('auto');
    });
  });

  describe('receipts', () => {
    it('says "Sent" under the visitor\'s latest stored message, "Delivered" once the agent\'s side has it, then "Read"', async () => {
      const older = message({ authorKind: 'visitor', text: 'first' });
      const latest = message({ authorKind: 'visitor', text: 'second' });
      const { parts, part, update } = await showing([older, latest]);
      expect(parts('message-status')).to.have.length(1);
      const status = part('message-status');
      expect(status.getAttribute('part')).to.equal('message-status message-status-sent');
      expect(textOf(status)).to.equal('Sent');
      // It sits under the latest message, not the first.
      expect(status.previousElementSibling?.textContent).to.contain('second');

      // Delivered up to the older message only: the latest is still just sent.
      await update({ deliveredToAgentSeq: older.seq });
      expect(textOf(part('message-status'))).to.equal('Sent');

      await update({ deliveredToAgentSeq: latest.seq });
      expect(parts('message-status')).to.have.length(1);
      expect(part('message-status').getAttribute('part')).to.equal('message-status message-status-delivered');
      expect(textOf(part('message-status'))).to.equal('Delivered');
      expect(part('message-status').previousElementSibling?.textContent).to.contain('second');

      await update({ readByAgentSeq: latest.seq });
      expect(part('message-status').getAttribute('part')).to.equal('message-status message-status-read');
      expect(textOf(part('message-status'))).to.equal('Read');
    });

    it('says "Delivered" in the visitor\'s language', async () => {
      const latest = message({ authorKind: 'visitor', text: 'hola' });
      for (const [locale, words] of [
        ['es', 'Entregado'],
        ['de', 'Zugestellt'],
        ['ar', 'تم التسليم'],
      ] as const) {
        const { part } = await showing([latest], { locale, state: { deliveredToAgentSeq: latest.seq } });
        expect(textOf(part('message-status'))).to.equal(words);
      }
    });

    it("keeps the receipt under the visitor's latest message after a reply", async () => {
      const { maybePart } = await showing([
        message({ authorKind: 'visitor' }),
        message({ authorKind: 'agent', authorId: 'a1' }),
      ]);
      expect(textOf(maybePart('message-status'))).to.equal('Sent');
    });

    it('marks a message still on its way as pending, titled "Sending…"', async () => {
      const { part, maybePart } = await showing([], { state: { pending: [pending('on its way')] } });
      expect(part('message').getAttribute('part')).to.equal('message message-self message-pending');
      expect(part('message').title).to.equal('Sending…');
      expect(maybePart('message-status')).to.be.null;
    });

    it('offers retry and remove under a message that failed', async () => {
      const failed = pending('lost', new SwitchboardError('forbidden', 'no'));
      const { chat, client, part, maybePart } = await showing([], { state: { pending: [failed] } });
      expect(part('message').getAttribute('part')).to.equal('message message-self message-failed');
      expect(textOf(part('message-status'))).to.match(/^Not delivered\./);

      part('retry-button').click();
      expect(client.callsTo('retryMessage')).to.deep.equal([[failed.clientMessageId]]);
      part('discard-button').click();
      expect(client.callsTo('discardMessage')).to.deep.equal([[failed.clientMessageId]]);
      await chat.updateComplete;
      expect(maybePart('message')).to.be.null;
    });

    it('gives focus back to Retry when the message fails again, and to the composer once it went', async () => {
      const error = new SwitchboardError('forbidden', 'no');
      const first = { ...pending('first', error), clientMessageId: 'PENDING0000000000000000001' };
      const second = { ...pending('second', error), clientMessageId: 'PENDING0000000000000000002' };
      const outcomes: ((sent: boolean) => void)[] = [];
      const fixture: ChatFixture = await showing([], {
        state: { pending: [first, second] },
        client: {
          // As the SDK does: the message is pending again until the server answers.
          retryMessage: (id) => {
            const { pending: entries } = fixture.client.getSnapshot();
            fixture.client.setState({
              pending: entries.map((entry) =>
                entry.clientMessageId === id ? { ...entry, error: null } : entry,
              ),
            });
            return new Promise((resolve, reject) =>
              outcomes.push((sent) => {
                const rest = fixture.client
                  .getSnapshot()
                  .pending.filter((entry) => entry.clientMessageId !== id);
                if (sent) {
                  const stored = message({ clientMessageId: id, text: 'second' });
                  fixture.client.setState({ pending: rest, messages: [stored] });
                  resolve(stored);
                } else {
                  fixture.client.setState({ pending: [...rest, { ...second, attempts: 2 }] });
                  reject(error);
                }
              }),
            );
          },
        },
      });
      /** The Retry button drawn after the bubble showing `text`, before the next bubble. */
      const retryOf = (text: string): HTMLElement | null => {
        let next = fixture.parts('message').find((bubble) => textOf(bubble) === text)?.nextElementSibling;
        for (; next && !next.matches('[part~="message"]'); next = next.nextElementSibling) {
          const button = next.querySelector<HTMLElement>('[part~="retry-button"]');
          if (button) return button;
        }
        return null;
      };

      retryOf('second')!.focus();
      await sendKeys({ press: 'Enter' });
      await fixture.chat.updateComplete;
      expect(fixture.client.callsTo('retryMessage')).to.deep.equal([[second.clientMessageId]]);
      expect(retryOf('second')).to.be.null;

      outcomes.shift()!(false);
      await waitUntil(() => retryOf('second'), 'the message failed again');
      await waitUntil(
        () => deepActiveElement() === retryOf('second'),
        "focus returns to the message's Retry",
      );

      await sendKeys({ press: 'Enter' });
      await fixture.chat.updateComplete;
      outcomes.shift()!(true);
      await waitUntil(() => !retryOf('second'), 'the message went');
      await waitUntil(
        () => deepActiveElement() === fixture.part('composer-input'),
        'focus reaches the composer',
      );
    });

    it('hands focus to the composer when a failed message is removed', async () => {
      const failed = pending('lost', new SwitchboardError('forbidden', 'no'));
      const { part, maybePart, chat } = await showing([], { state: { pending: [failed] } });
      part('discard-button').focus();
      await sendKeys({ press: 'Enter' });
      await chat.updateComplete;
      expect(maybePart('message')).to.be.null;
      await waitUntil(() => deepActiveElement() === part('composer-input'), 'focus reaches the composer');
    });

    it('titles each stored message with the time it was sent', async () => {
      const { part } = await showing([message({ authorKind: 'agent', authorId: 'a1' })]);
      expect(part('message').title).to.match(/\d{1,2}:\d{2}/);
    });
  });

  describe('typing indicator', () => {
    it('says who is typing in a polite status region that stays in place', async () => {
      const { part, update } = await showing([]);
      const indicator = part('typing-indicator');
      expect(indicator.getAttribute('role')).to.equal('status');
      expect(indicator.getAttribute('aria-live')).to.equal('polite');
      expect(indicator.hidden).to.be.true;

      await update({ agentTyping: { who: 'agent', name: 'Ada' } });
      expect(part('typing-indicator')).to.equal(indicator);
      expect(indicator.hidden).to.be.false;
      expect(textOf(indicator)).to.equal('Support is typing…');

      await update({ agentTyping: { who: 'bot' } });
      expect(textOf(indicator)).to.equal('Assistant is typing…');

      await update({ agentTyping: null });
      expect(indicator.hidden).to.be.true;
    });
  });
});

describe('activity lines', () => {
  it("places the conversation's lines among its messages, in the visitor's language", async () => {
    const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 10, minutes)).toISOString();
    const { parts } = await showing(
      [
        message({ authorKind: 'visitor', text: 'Hello?', createdAt: at(0) }),
        message({ authorKind: 'agent', authorId: 'a1', text: 'Hi, Ada here.', createdAt: at(2) }),
      ],
      {
        locale: 'es',
        state: {
          activity: [
            { id: 'l1', type: 'agent_joined', agentName: 'Ada', createdAt: at(1) },
            { id: 'l2', type: 'transferred', agentName: null, createdAt: at(3) },
          ],
        },
      },
    );
    const lines = parts('activity');
    expect(lines.map((line) => textOf(line))).to.deep.equal([
      'Ada se unió a la conversación',
      'Tu conversación pasó a otro equipo',
    ]);
    const [joined] = lines;
    const [hello, hi] = parts('message');
    expect(hello!.compareDocumentPosition(joined!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(hi!.compareDocumentPosition(joined!) & Node.DOCUMENT_POSITION_PRECEDING).to.not.equal(0);
  });
});
