import { INITIAL_VISITOR_STATE, SwitchboardError, type VisitorState } from '@switchboard/agent-sdk';
import type { Contact, Conversation, PreChatSettings } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { preChatDue } from './pre-chat-due.js';

const FORM: PreChatSettings = {
  enabled: true,
  intro: null,
  fields: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    { name: 'email', label: 'Email', type: 'email', required: true },
  ],
  askForMessage: true,
  consent: null,
};

const site = (preChat: PreChatSettings | null): VisitorState['site'] => ({
  id: 's1',
  name: 'Acme',
  uploads: { maxBytes: 10 * 1024 * 1024, maxAttachments: 10, contentTypes: ['image/png'] },
  availability: { open: true, afterHoursMode: null, nextOpenAt: null },
  preChat,
});

const contact = (overrides: Partial<Contact> = {}): Contact => ({
  id: 'k1',
  siteId: 's1',
  externalId: null,
  name: null,
  email: null,
  phone: null,
  avatarUrl: null,
  attributes: {},
  preChat: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

const state = (overrides: Partial<VisitorState> = {}): VisitorState => ({
  ...INITIAL_VISITOR_STATE,
  site: site(FORM),
  ...overrides,
});

const pending = (error: SwitchboardError | null): VisitorState['pending'] => [
  {
    clientMessageId: '01J00000000000000000000001',
    conversationId: null,
    text: 'Hello?',
    kind: 'text',
    attachments: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    attempts: 1,
    error,
  },
];

describe('preChatDue', () => {
  it('shows the site’s form to a new visitor with no conversation', () => {
    expect(preChatDue(state(), undefined)).toBe(FORM);
    expect(preChatDue(state({ contact: contact() }), undefined)).toBe(FORM);
  });

  it('shows nothing without a form, or once there is a conversation', () => {
    expect(preChatDue(state({ site: null }), undefined)).toBeNull();
    expect(preChatDue(state({ site: site(null) }), undefined)).toBeNull();
    expect(preChatDue(state({ conversation: { id: 'c1' } as Conversation }), undefined)).toBeNull();
  });

  it('shows nothing to a visitor who sent it before, or whom the site already knows', () => {
    const sent = { submittedAt: '2025-01-01T00:00:00.000Z', answers: [], consent: null };
    expect(preChatDue(state({ contact: contact({ preChat: sent }) }), undefined)).toBeNull();
    expect(
      preChatDue(state({ contact: contact({ name: 'Ada', email: 'ada@example.com' }) }), undefined),
    ).toBeNull();
    // Before any session, the page's user stands in for the contact.
    expect(preChatDue(state(), { userId: 'u1', name: 'Ada', email: 'ada@example.com' })).toBeNull();
    expect(preChatDue(state(), { userId: 'u1', identifierHash: 'a'.repeat(64) })).toBeNull();
    expect(preChatDue(state(), { userId: 'u1' })).toBe(FORM);
  });

  it('waits while a stored session is resumed, rather than flash a form that may vanish', () => {
    expect(preChatDue(state({ connection: 'connecting' }), undefined)).toBeNull();
    expect(preChatDue(state({ connection: 'connecting', contact: contact() }), undefined)).toBe(FORM);
  });

  it('lets a message on its way stand in for the form, unless the server refused it for want of one', () => {
    expect(preChatDue(state({ pending: pending(null) }), undefined)).toBeNull();
    const refused = new SwitchboardError('pre_chat_required', 'Fill in the form first');
    expect(preChatDue(state({ pending: pending(refused) }), undefined)).toBe(FORM);
  });
});
