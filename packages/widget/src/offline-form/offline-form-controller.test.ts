import {
  INITIAL_VISITOR_STATE,
  SwitchboardError,
  type VisitorClient,
  type VisitorState,
} from '@switchboard/agent-sdk';
import { DEFAULT_OFFLINE_FIELDS, type Message } from '@switchboard/protocol';
import { describe, expect, it, vi } from 'vitest';
import { OfflineFormController } from './offline-form-controller.js';

const formMessage = {
  id: 'm1',
  conversationId: 'c1',
  clientMessageId: '01J00000000000000000000001',
  seq: 1,
  authorKind: 'system',
  authorId: null,
  kind: 'text',
  text: 'We are closed.',
  quickReplies: [],
  cards: [],
  attachments: [],
  form: { kind: 'offline', fields: DEFAULT_OFFLINE_FIELDS.map((f) => ({ ...f })) },
  createdAt: '2025-01-01T10:00:00.000Z',
} satisfies Message;

function setup(submitOfflineForm: (answers: unknown) => Promise<Message>) {
  const focused: string[] = [];
  const host = {
    updates: 0,
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
    // Stands in for the shadow root: reports which selector the controller focuses.
    renderRoot: {
      querySelector: (selector: string) => ({ focus: () => focused.push(selector) }),
    } as unknown as DocumentFragment,
  };
  const client = { submitOfflineForm: vi.fn(submitOfflineForm) };
  const visitor = {
    state: { ...INITIAL_VISITOR_STATE, messages: [formMessage] } as VisitorState,
    requireClient: () => client as unknown as VisitorClient,
  };
  const onSent = vi.fn();
  const controller = new OfflineFormController(host, visitor, onSent);
  const type = (name: string, value: string) =>
    controller.input({ target: { name, value } } as unknown as Event);
  return { controller, visitor, client, onSent, focused, type };
}

const stored = { ...formMessage, id: 'm2', authorKind: 'visitor', form: null } satisfies Message;

describe('OfflineFormController', () => {
  it('offers the latest form, empty, until the visitor types', () => {
    const { controller, type } = setup(() => Promise.resolve(stored));
    expect(controller.shown()?.state).toEqual({ messageId: 'm1', values: {}, errors: {}, status: 'editing' });
    type('email', 'ada@example.com');
    expect(controller.shown()?.state.values).toEqual({ email: 'ada@example.com' });
  });

  it('refuses invalid answers without sending them, focuses the first refused field, and forgets a fixed error', async () => {
    const { controller, focused, type, client } = setup(() => Promise.resolve(stored));
    type('email', 'ada@');
    await controller.submit();
    expect(client.submitOfflineForm).not.toHaveBeenCalled();
    expect(controller.shown()?.state.errors).toEqual({ email: 'email', message: 'required' });
    expect(focused).toEqual(['[part~="offline-form-input"][aria-invalid="true"]']);
    type('email', 'ada@example.com');
    expect(controller.shown()?.state.errors).toEqual({ message: 'required' });
  });

  it('sends the answers and thanks the visitor', async () => {
    const { controller, onSent, type, client } = setup(() => Promise.resolve(stored));
    type('name', ' Ada ');
    type('email', 'ada@example.com');
    type('message', 'Call me');
    const sending = controller.submit();
    expect(controller.shown()?.state.status).toBe('sending');
    await sending;
    expect(client.submitOfflineForm).toHaveBeenCalledWith({
      name: 'Ada',
      email: 'ada@example.com',
      message: 'Call me',
    });
    expect(controller.shown()?.state.status).toBe('sent');
    expect(onSent).toHaveBeenCalledOnce();
  });

  it('shows a failure for a retry, and a server refusal on its field', async () => {
    const failures = [
      new SwitchboardError('timeout', 'No acknowledgement'),
      new SwitchboardError('invalid_payload', 'Invalid payload', [
        { path: 'email', message: 'Invalid email' },
      ]),
    ];
    const { controller, onSent, type } = setup(() => Promise.reject(failures.shift()!));
    type('email', 'ada@example.com');
    type('message', 'Call me');
    await controller.submit();
    expect(controller.shown()?.state).toMatchObject({ status: 'failed', errors: {} });
    await controller.submit();
    expect(controller.shown()?.state).toMatchObject({ status: 'editing', errors: { email: 'email' } });
    expect(controller.shown()?.state.values).toEqual({ email: 'ada@example.com', message: 'Call me' });
    expect(onSent).not.toHaveBeenCalled();
  });
});
