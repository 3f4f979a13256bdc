// In-memory data for the test server: just enough of the Switchboard server's rules (ownership,
// idempotent inserts with per-conversation seq, history paging) to exercise the clients for real.
import {
  ulid,
  type Agent,
  type Contact,
  type Conversation,
  type Message,
  type MessagePage,
  type VisitorResume,
} from '@switchboard/protocol';

export const SITE = { id: 'site_1', name: 'Test site' } as const;
export const SITE_KEY = 'pk_test_switchboard';
export const AGENT_EMAIL = 'ada@example.com';
export const AGENT_PASSWORD = 'correct horse';

export type Principal = { kind: 'visitor'; contactId: string } | { kind: 'agent'; agentId: string };

export class FakeData {
  private clock = Date.parse('2025-01-01T00:00:00.000Z');
  readonly contacts = new Map<string, { contact: Contact; secret: string }>();
  readonly tokens = new Map<string, Principal>();
  readonly conversations = new Map<string, Conversation>();
  readonly messages = new Map<string, Message[]>();
  readonly agent: Agent = {
    id: 'agent_1',
    email: AGENT_EMAIL,
    name: 'Ada',
    role: 'agent',
    status: 'available',
    capacity: 5,
    avatarUrl: null,
    createdAt: this.now(),
  };

  /** Strictly increasing timestamps, so `updatedAt` ordering is deterministic. */
  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  issueToken(principal: Principal): string {
    const token = `tok_${ulid()}`;
    this.tokens.set(token, principal);
    return token;
  }

  /** Invalidates every token issued so far, as if they had all expired. */
  expireTokens(): void {
    this.tokens.clear();
  }

  createContact(): { contact: Contact; resume: VisitorResume } {
    const contact: Contact = {
      id: `contact_${ulid()}`,
      siteId: SITE.id,
      externalId: null,
      name: null,
      email: null,
      phone: null,
      avatarUrl: null,
      attributes: {},
      createdAt: this.now(),
    };
    const secret = `secret_${ulid()}`;
    this.contacts.set(contact.id, { contact, secret });
    return { contact, resume: { contactId: contact.id, secret } };
  }

  createConversation(contactId: string): Conversation {
    const at = this.now();
    const conversation: Conversation = {
      id: `conv_${ulid()}`,
      siteId: SITE.id,
      contactId,
      channel: 'web',
      status: 'bot',
      priority: 'normal',
      queueId: null,
      assigneeId: null,
      lastSeq: 0,
      lastMessageAt: null,
      createdAt: at,
      updatedAt: at,
    };
    this.conversations.set(conversation.id, conversation);
    this.messages.set(conversation.id, []);
    return conversation;
  }

  update(id: string, patch: Partial<Conversation>): Conversation {
    const current = this.conversations.get(id);
    if (!current) throw new Error(`no conversation ${id}`);
    const next = { ...current, ...patch, updatedAt: this.now() };
    this.conversations.set(id, next);
    return next;
  }

  /** Inserts idempotently by clientMessageId; `created` is false for a duplicate. */
  insertMessage(input: {
    conversationId: string;
    clientMessageId?: string;
    text: string;
    kind?: Message['kind'];
    authorKind: Message['authorKind'];
    authorId?: string | null;
  }): { message: Message; created: boolean } {
    const list = this.messages.get(input.conversationId);
    if (!list) throw new Error(`no conversation ${input.conversationId}`);
    const clientMessageId = input.clientMessageId ?? ulid();
    const existing = list.find((message) => message.clientMessageId === clientMessageId);
    if (existing) return { message: existing, created: false };
    const conversation = this.conversations.get(input.conversationId)!;
    const message: Message = {
      id: `msg_${ulid()}`,
      conversationId: input.conversationId,
      clientMessageId,
      seq: conversation.lastSeq + 1,
      authorKind: input.authorKind,
      authorId: input.authorId ?? null,
      kind: input.kind ?? 'text',
      text: input.text,
      createdAt: this.now(),
    };
    list.push(message);
    this.update(input.conversationId, { lastSeq: message.seq, lastMessageAt: message.createdAt });
    return { message, created: true };
  }

  canSee(principal: Principal, conversation: Conversation | undefined): conversation is Conversation {
    if (!conversation) return false;
    return principal.kind === 'agent' || conversation.contactId === principal.contactId;
  }

  page(
    principal: Principal,
    conversationId: string,
    query: { afterSeq?: number; beforeSeq?: number; limit: number },
  ): MessagePage {
    const all = (this.messages.get(conversationId) ?? []).filter(
      (message) => principal.kind === 'agent' || message.kind !== 'note',
    );
    if (query.afterSeq !== undefined) {
      const after = all.filter((message) => message.seq > query.afterSeq!);
      return { items: after.slice(0, query.limit), hasMore: after.length > query.limit };
    }
    const before =
      query.beforeSeq === undefined ? all : all.filter((message) => message.seq < query.beforeSeq!);
    return { items: before.slice(-query.limit), hasMore: before.length > query.limit };
  }
}
