import {
  INITIAL_VISITOR_STATE,
  SwitchboardError,
  type VisitorClient,
  type VisitorState,
} from '@switchboard/agent-sdk';
import type { Conversation, PreChatResult, PreChatSettings } from '@switchboard/protocol';
import type { ReactiveController } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { PreChatController } from './pre-chat-controller.js';

const FORM: PreChatSettings = {
  enabled: true,
  intro: 'Tell us who you are.',
  fields: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    { name: 'email', label: 'Email', type: 'email', required: true },
  ],
  askForMessage: true,
  consent: { required: true, text: 'I agree.', url: null },
};

const SITE: NonNullable<VisitorState['site']> = {
  id: 's1',
  name: 'Acme',
  availability: { open: true, afterHoursMode: null, nextOpenAt: null },
  preChat: FORM,
  uploads: { maxBytes: 10 * 1024 * 1024, maxAttachments: 10, contentTypes: ['image/png'] },
};

function setup(submit: () => Promise<PreChatResult> = () => Promise.resolve({} as PreChatResult)) {
  const focused: string[] = [];
  const controllers: ReactiveController[] = [];
  const host = {
    open: true,
    addController: (controller: ReactiveController) => void controllers.push(controller),
    removeController: () => {},
    requestUpdate: vi.fn(),
    updateComplete: Promise.resolve(true),
    // Stands in for the shadow root: reports which selector the controller focuses.
    renderRoot: {
      querySelector: (selector: string) => ({ focus: () => focused.push(selector) }),
    } as unknown as DocumentFragment,
  };
  const visitor = {
    state: { ...INITIAL_VISITOR_STATE },
    loadSite: vi.fn(() => {
      visitor.state = { ...visitor.state, site: SITE };
      return Promise.resolve(SITE);
    }),
    requireClient: () => client as unknown as VisitorClient,
  };
  const client = {
    // Like the SDK: the conversation is in the state before the promise settles.
    submitPreChat: vi.fn(async () => {
      const result = await submit();
      visitor.state = { ...visitor.state, conversation: { id: 'c1' } as Conversation };
      return result;
    }),
  };
  const onSent = vi.fn();
  const controller = new PreChatController(host, visitor, {
    isOpen: () => host.open,
    user: () => undefined,
    onSent,
  });
  const type = (name: string, value: string) =>
    controller.input({ target: { name, value } } as unknown as Event);
  const tick = (checked: boolean) => controller.consent({ target: { checked } } as unknown as Event);
  const fill = () => {
    type('name', 'Ada');
    type('email', 'ada@example.com');
    type('message', 'Where is my order?');
    tick(true);
  };
  return { controller, controllers, host, visitor, client, onSent, focused, type, tick, fill };
}

describe('PreChatController', () => {
  it('puts focus on the first field once the form shows in the open panel, and only then', async () => {
    const { controller, controllers, host, visitor, focused } = setup();
    host.open = false;
    await visitor.loadSite();
    controller.hostUpdated();
    expect(focused).toEqual([]);
    host.open = true;
    expect(controller.shown()?.settings).toBe(FORM);
    controller.hostUpdated();
    expect(focused).toEqual(['[part~="pre-chat-input"], [part~="pre-chat-consent-checkbox"]']);
    // Later renders leave focus where the visitor put it.
    controller.hostUpdated();
    expect(focused).toHaveLength(1);
    expect(controllers).toEqual([controller]);
  });

  it('refuses invalid answers without sending them, focuses the first refused field, and forgets a fixed error', async () => {
    const { controller, visitor, focused, type, client } = setup();
    await visitor.loadSite();
    type('email', 'ada@');
    await controller.submit();
    expect(client.submitPreChat).not.toHaveBeenCalled();
    expect(controller.shown()?.state.errors).toEqual({
      fields: { name: 'required', email: 'email' },
      consent: 'required',
      message: 'required',
    });
    expect(focused.at(-1)).toBe(
      ':is([part~="pre-chat-input"], [part~="pre-chat-consent-checkbox"])[aria-invalid="true"]',
    );
    type('email', 'ada@example.com');
    expect(controller.shown()?.state.errors.fields).toEqual({ name: 'required' });
  });

  it('sends the answers, keeps the form while sending, then hands over to the chat', async () => {
    const { controller, visitor, onSent, fill, client } = setup();
    await visitor.loadSite();
    fill();
    const sending = controller.submit();
    expect(controller.shown()?.state.status).toBe('sending');
    // A second press while sending does nothing.
    await controller.submit();
    await sending;
    expect(client.submitPreChat).toHaveBeenCalledExactlyOnceWith({
      fields: { name: 'Ada', email: 'ada@example.com' },
      consent: true,
      message: 'Where is my order?',
    });
    expect(controller.shown()).toBeNull();
    expect(onSent).toHaveBeenCalledOnce();
  });

  it('offers a retry when the server cannot be reached, and shows a refusal on its field', async () => {
    const failures = [
      new SwitchboardError('timeout', 'No acknowledgement'),
      new SwitchboardError('invalid_payload', 'Invalid pre-chat form', [
        { path: 'fields.email', message: 'must be an email address' },
      ]),
    ];
    const { controller, visitor, onSent, fill } = setup(() => Promise.reject(failures.shift()!));
    await visitor.loadSite();
    fill();
    await controller.submit();
    expect(controller.shown()?.state.status).toBe('failed');
    await controller.submit();
    expect(controller.shown()?.state).toMatchObject({
      status: 'editing',
      errors: { fields: { email: 'email' } },
    });
    expect(controller.shown()?.state.values.fields).toEqual({ name: 'Ada', email: 'ada@example.com' });
    expect(onSent).not.toHaveBeenCalled();
  });
});
