import type { AgentClient } from '@switchboard/agent-sdk';
import type { Conversation } from '@switchboard/protocol';
import { h, setAttr } from '../lib/dom.js';
import { Disposer, watch } from '../lib/watch.js';
import { contactEditor } from './contact-editor.js';
import { earlierConversations } from './earlier-conversations.js';
import { labelsEditor } from './labels-editor.js';
import { notesSection } from './notes-section.js';
import { ordersSection } from './orders-section.js';
import { tagsEditor } from './tags-editor.js';
import { timelineSection } from './timeline-section.js';

export interface DetailsPane {
  element: HTMLElement;
  show(conversationId: string | null): void;
  /** Ctrl+N: the note field of the open conversation. */
  focusNote(): void;
  dispose(): void;
}

/**
 * Beside the thread, what agents keep to themselves about a conversation: tags, labels and
 * internal notes; its contact, editable; the contact's orders and products from the shop; the
 * contact's earlier conversations; and the timeline.
 */
export function detailsPane(
  client: AgentClient,
  selfId: () => string | null,
  onOpen: (conversationId: string) => void,
): DetailsPane {
  const tags = tagsEditor(client);
  const labels = labelsEditor(client);
  const notes = notesSection(client, selfId);
  const contact = contactEditor(client);
  const orders = ordersSection(client);
  const earlier = earlierConversations(client, onOpen);
  const timeline = timelineSection(client, selfId);
  const element = h(
    'aside',
    { className: 'details-pane', testId: 'details-pane', attrs: { 'aria-label': 'Conversation details' } },
    tags.element,
    labels.element,
    notes.element,
    contact.element,
    orders.element,
    earlier.element,
    timeline.element,
  );
  element.hidden = true;
  const watchers = new Disposer();
  let current: string | null = null;

  function render(conversation: Conversation | undefined): void {
    tags.show(conversation);
    labels.show(conversation);
    contact.show(conversation);
    orders.show(conversation);
    earlier.show(conversation);
    timeline.show(conversation);
  }

  return {
    element,
    show(id) {
      if (id === current) return;
      current = id;
      watchers.dispose();
      element.hidden = id === null;
      setAttr(element, 'data-conversation-id', id);
      notes.show(id);
      if (id === null) render(undefined);
      else watchers.add(watch(client, (state) => state.conversations[id], render));
    },
    focusNote() {
      if (current !== null) notes.focus();
    },
    dispose() {
      watchers.dispose();
      labels.dispose();
      notes.dispose();
      contact.dispose();
      orders.dispose();
      timeline.dispose();
    },
  };
}
