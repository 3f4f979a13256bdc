import type { AgentClient } from '@switchboard/agent-sdk';
import type { Contact, Conversation } from '@switchboard/protocol';
import { h, setText } from '../lib/dom.js';
import { consentText } from '../lib/pre-chat.js';

export interface PreChatPanel {
  element: HTMLElement;
  /** Follows the open conversation; shown once its contact has sent the pre-chat form. */
  show(conversation: Conversation | undefined): void;
  dispose(): void;
}

/**
 * The visitor's pre-chat answers, with the labels they saw, and their consent: read from the
 * contact when a conversation opens, live from `contact:updated`.
 */
export function preChatPanel(client: AgentClient): PreChatPanel {
  const answers = h('dl', { className: 'pre-chat-answers', testId: 'pre-chat-answers' });
  const consent = h('p', { className: 'pre-chat-consent', testId: 'pre-chat-consent' });
  const element = h(
    'section',
    { className: 'pre-chat-panel', testId: 'pre-chat-panel', attrs: { 'aria-label': 'Pre-chat form' } },
    h('p', { className: 'pre-chat-heading', text: 'Pre-chat form' }),
    answers,
    consent,
  );
  element.hidden = true;
  let conversation: Conversation | undefined;
  /** Bumped per conversation and per live update, so a slower fetch never overwrites either. */
  let version = 0;

  function render(contact: Contact | null): void {
    const preChat = contact?.preChat ?? null;
    element.hidden = preChat === null;
    if (preChat === null) return;
    answers.replaceChildren(
      ...preChat.answers.map((answer) =>
        h(
          'div',
          { className: 'pre-chat-answer', attrs: { 'data-field': answer.name } },
          h('dt', { text: answer.label }),
          h('dd', { text: answer.value }),
        ),
      ),
    );
    setText(consent, consentText(preChat.consent));
  }

  const stop = client.on('contact:updated', (updated) => {
    if (conversation?.contactId !== updated.id) return;
    version++;
    render(updated);
  });

  return {
    element,
    show(next) {
      if (next?.id === conversation?.id) return;
      conversation = next;
      const asked = ++version;
      render(null);
      if (next === undefined) return;
      // Best effort: without it the panel stays hidden, and the thread works as ever.
      client.contact(next.id).then(
        (contact) => {
          if (asked === version) render(contact);
        },
        () => undefined,
      );
    },
    dispose: stop,
  };
}
