// The agent client's collaboration features: notes and @mentions, tags and labels, contact
// editing and earlier conversations. REST for what is read and edited, the socket for changes
// to conversations (acked, and heard live by every console).
import {
  normalizeTag,
  tagProblem,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type Contact,
  type Conversation,
  type Label,
  type Mention,
  type MentionsRead,
} from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import {
  createLabel,
  fetchContactById,
  fetchContactConversations,
  fetchLabels,
  fetchMentions,
  updateContact,
  updateLabel,
} from '../core/api.js';
import type { EventHub } from '../core/emitter.js';
import type { HttpClient } from '../core/http.js';
import type { Store } from '../core/store.js';
import type { Transport } from '../core/transport.js';
import type { AgentClient, AgentClientEvents, AgentState } from '../types.js';
import type { CollaborationControls } from './collaboration-types.js';
import {
  markMentionsRead,
  mergeLabels,
  mergeMentions,
  unreadCount,
  upsertContact,
  upsertLabel,
} from './collaboration-state.js';

/** How many of your latest mentions connect and every re-sync load. */
const MENTIONS_ON_SYNC = 50;

export interface CollaborationOptions {
  store: Store<AgentState>;
  hub: EventHub<AgentClientEvents>;
  http: HttpClient;
  transport: Transport<AgentServerToClientEvents, AgentClientToServerEvents>;
  sendMessage: AgentClient['sendMessage'];
  /** An acked conversation (its listeners hear `conversation:updated`). */
  applyConversation: (conversation: Conversation) => void;
  /** Conversations read from a list: no news. */
  applyListed: (conversations: readonly Conversation[]) => void;
}

export interface Collaboration extends CollaborationControls {
  /** Labels and the latest mentions, for connect and every re-sync. */
  load(this: void): Promise<void>;
  /** A contact read or pushed elsewhere (`contact()`, `contact:updated`). */
  applyContact(this: void, contact: Contact, onlyIfHeld: boolean): void;
}

/** Tags as the server will store them; a bad one rejects at once, as the server would. */
function normalizedTags(tags: readonly string[]): string[] {
  const issues = tags.flatMap((tag, index) => {
    const problem = typeof tag === 'string' ? tagProblem(normalizeTag(tag)) : 'must be a string';
    return problem === null ? [] : [{ path: `tags.${index}`, message: problem }];
  });
  if (tags.length === 0) issues.push({ path: 'tags', message: 'must name at least one tag' });
  const first = issues[0];
  if (first)
    throw new SwitchboardError('invalid_payload', `Invalid tag (${first.path}: ${first.message})`, issues);
  return tags.map(normalizeTag);
}

export function createCollaboration(options: CollaborationOptions): Collaboration {
  const { store, hub, http, transport } = options;
  /** Labels a live event changed, and when, so that a list fetched meanwhile does not undo it. */
  let ticks = 0;
  const touched = new Map<string, number>();

  function applyMentions(incoming: readonly Mention[]): Mention[] {
    const held = store.getSnapshot().mentions;
    const heldIds = new Set(held.map((mention) => mention.id));
    const mentions = mergeMentions(held, incoming);
    store.setState({ mentions, unreadMentions: unreadCount(mentions) });
    return incoming.filter((mention) => !heldIds.has(mention.id));
  }

  function applyRead(read: MentionsRead): void {
    const { mentions: held } = store.getSnapshot();
    const mentions = markMentionsRead(held, read.mentionIds, read.readAt);
    if (mentions === held) return;
    store.setState({ mentions, unreadMentions: unreadCount(mentions) });
    hub.emit('mentions:read', read);
  }

  function applyLabel(label: Label, live: boolean): void {
    if (live) touched.set(label.id, ++ticks);
    store.setState((state) => ({ labels: upsertLabel(state.labels, label) }));
  }

  async function listLabels(siteId?: string): Promise<Label[]> {
    const since = ticks;
    const list = await fetchLabels(http, siteId);
    store.setState((state) => ({
      labels: mergeLabels(state.labels, list, (id) => (touched.get(id) ?? 0) > since),
    }));
    return list;
  }

  function applyContact(contact: Contact, onlyIfHeld: boolean): void {
    store.setState((state) => ({ contacts: upsertContact(state.contacts, contact, onlyIfHeld) }));
  }

  const annotate = async (request: Promise<Conversation>): Promise<Conversation> => {
    const conversation = await request;
    options.applyConversation(conversation);
    return conversation;
  };

  transport.on('mention:created', (mention) => {
    for (const added of applyMentions([mention])) hub.emit('mention', added);
  });
  transport.on('mentions:read', applyRead);
  transport.on('label:created', (label) => {
    applyLabel(label, true);
    hub.emit('label:created', label);
  });
  transport.on('label:updated', (label) => {
    applyLabel(label, true);
    hub.emit('label:updated', label);
  });

  return {
    async load() {
      const [page] = await Promise.all([fetchMentions(http, { limit: MENTIONS_ON_SYNC }), listLabels()]);
      applyMentions(page.items);
    },

    applyContact,

    sendNote: (conversationId, text, note = {}) =>
      options.sendMessage(conversationId, text, { ...note, kind: 'note' }),

    async addTags(conversationId, tags) {
      const normalized = normalizedTags(tags);
      return annotate(transport.request('conversation:add_tags', { conversationId, tags: normalized }));
    },

    async removeTags(conversationId, tags) {
      const normalized = normalizedTags(tags);
      return annotate(transport.request('conversation:remove_tags', { conversationId, tags: normalized }));
    },

    addLabel: (conversationId, labelId) =>
      annotate(transport.request('conversation:add_label', { conversationId, labelId })),

    removeLabel: (conversationId, labelId) =>
      annotate(transport.request('conversation:remove_label', { conversationId, labelId })),

    listLabels,

    async createLabel(request) {
      const label = await createLabel(http, request);
      applyLabel(label, true);
      return label;
    },

    async updateLabel(labelId, changes) {
      const label = await updateLabel(http, labelId, changes);
      applyLabel(label, true);
      return label;
    },

    async getContact(contactId) {
      const contact = await fetchContactById(http, contactId);
      applyContact(contact, false);
      return contact;
    },

    async updateContact(contactId, changes) {
      const contact = await updateContact(http, contactId, changes);
      applyContact(contact, false);
      return contact;
    },

    async contactConversations(contactId, query = {}) {
      const page = await fetchContactConversations(http, contactId, query);
      options.applyListed(page.items);
      return page;
    },

    async listMentions(list = {}) {
      const page = await fetchMentions(http, list);
      applyMentions(page.items);
      return page;
    },

    async markMentionsRead(target) {
      const payload =
        'conversationId' in target
          ? { conversationId: target.conversationId }
          : { mentionIds: [...target.mentionIds] };
      const read = await transport.request('mentions:read', payload);
      applyRead(read);
      return read;
    },
  };
}
