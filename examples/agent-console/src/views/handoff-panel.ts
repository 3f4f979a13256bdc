import type { AgentClient } from '@switchboard/agent-sdk';
import type { Contact, Conversation } from '@switchboard/protocol';
import { contactFields } from '../lib/contact-fields.js';
import { describeError } from '../lib/describe-error.js';
import { h, reconcile, setAttr, setText } from '../lib/dom.js';
import { handoffReasonText, handoffWaitText } from '../lib/handoff.js';
import { formatFullTime } from '../lib/relative-time.js';

export interface HandoffPanel {
  element: HTMLElement;
  /** Follows the open conversation's latest snapshot; hidden unless it has a handoff. */
  show(conversation: Conversation | undefined): void;
  dispose(): void;
}

/** While the visitor still waits, the wait is counted to the second. */
const WAIT_TICK_MS = 1000;

/**
 * What the agent needs when a conversation reaches them from the bot: why the bot let go, the
 * summary, what the visitor already told it (the contact's fields, live from `contact:updated`)
 * and how long the visitor waited for a person.
 */
export function handoffPanel(client: AgentClient): HandoffPanel {
  const reason = h('p', { className: 'handoff-reason', testId: 'handoff-reason' });
  const wait = h('span', { className: 'handoff-wait', testId: 'handoff-wait' });
  const summary = h('p', { className: 'handoff-summary', testId: 'handoff-summary' });
  const fields = h('dl', { className: 'handoff-fields', testId: 'handoff-fields' });
  const fieldsNotice = h('p', { className: 'handoff-fields-notice', testId: 'handoff-fields-notice' });
  const element = h(
    'section',
    { className: 'handoff-panel', testId: 'handoff-panel', attrs: { 'aria-label': 'Handoff from the bot' } },
    h('div', { className: 'handoff-heading' }, reason, wait),
    summary,
    fields,
    fieldsNotice,
  );
  element.hidden = true;

  const fieldNodes = new Map<string, HTMLDivElement>();
  let conversation: Conversation | undefined;
  let contact: Contact | null = null;
  let contactError: unknown = null;
  /** Bumped per conversation and per live update, so a slower fetch never overwrites either. */
  let contactVersion = 0;
  /** The conversation and handoff the contact was last fetched for. */
  let loadedFor: string | null = null;
  let clock: ReturnType<typeof setInterval> | null = null;

  function loadContact(conversationId: string): void {
    const version = ++contactVersion;
    client.contact(conversationId).then(
      (loaded) => {
        if (version !== contactVersion) return;
        contact = loaded;
        renderFields();
      },
      (error: unknown) => {
        if (version !== contactVersion) return;
        contactError = error;
        renderFields();
      },
    );
  }

  function renderFields(): void {
    const rows = contact === null ? [] : contactFields(contact);
    reconcile(
      fields,
      fieldNodes,
      rows,
      (field) => field.name,
      (field) =>
        h(
          'div',
          { className: 'handoff-field', attrs: { 'data-field': field.name } },
          h('dt', { text: field.label }),
          h('dd'),
        ),
      (node, field) => setText(node.querySelector('dt') ?? node, field.label),
    );
    for (const field of rows) {
      const value = fieldNodes.get(field.name)?.querySelector('dd');
      if (!value) continue;
      setText(value, field.value === '' ? 'Not given' : field.value);
      value.classList.toggle('is-missing', field.value === '');
    }
    fields.hidden = contact === null;
    const notice =
      contactError !== null
        ? `Could not load what the bot collected: ${describeError(contactError)}`
        : contact === null
          ? 'Loading what the bot collected…'
          : '';
    setText(fieldsNotice, notice);
    fieldsNotice.hidden = notice === '';
    fieldsNotice.classList.toggle('is-error', contactError !== null);
  }

  function renderWait(): void {
    const handoff = conversation?.handoff;
    if (!handoff) return;
    setText(wait, handoffWaitText(handoff, Date.now()));
    setAttr(
      wait,
      'title',
      handoff.acceptedAt === null
        ? `Asked for a person ${formatFullTime(handoff.requestedAt)}`
        : `Asked ${formatFullTime(handoff.requestedAt)}, accepted ${formatFullTime(handoff.acceptedAt)}`,
    );
  }

  function setClock(running: boolean): void {
    if (running && clock === null) clock = setInterval(renderWait, WAIT_TICK_MS);
    if (!running && clock !== null) {
      clearInterval(clock);
      clock = null;
    }
  }

  const stopContacts = client.on('contact:updated', (updated) => {
    if (conversation === undefined || updated.id !== conversation.contactId) return;
    contactVersion++;
    contact = updated;
    contactError = null;
    renderFields();
  });

  return {
    element,
    show(next) {
      if (next?.id !== conversation?.id) {
        contactVersion++;
        contact = null;
        contactError = null;
        loadedFor = null;
      }
      conversation = next;
      const handoff = next?.handoff ?? null;
      element.hidden = handoff === null;
      setClock(handoff !== null && handoff.acceptedAt === null);
      if (next === undefined || handoff === null) return;
      // Each handoff is a new chance that the bot learned something: read the contact again.
      const key = `${next.id}|${handoff.requestedAt}`;
      if (loadedFor !== key) {
        loadedFor = key;
        contactError = null;
        loadContact(next.id);
      }
      setAttr(element, 'data-reason', handoff.reason);
      setText(reason, handoffReasonText(handoff.reason));
      setText(summary, handoff.summary.trim() === '' ? 'No summary given.' : handoff.summary);
      renderWait();
      renderFields();
    },
    dispose() {
      setClock(false);
      stopContacts();
    },
  };
}
