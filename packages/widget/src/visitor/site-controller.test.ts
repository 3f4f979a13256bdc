import { INITIAL_VISITOR_STATE, type VisitorClient, type VisitorState } from '@switchboard/agent-sdk';
import type { ReactiveController } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { SiteController } from './site-controller.js';

const SITE = { id: 's1', name: 'Acme' } as NonNullable<VisitorState['site']>;

function setup() {
  const controllers: ReactiveController[] = [];
  const host = {
    addController: (controller: ReactiveController) => void controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
  const loadSite = vi.fn(() => Promise.resolve(SITE));
  /** A client as far as the controller uses it; each call makes another (another site key). */
  const newClient = () => ({ loadSite }) as unknown as VisitorClient;
  const visitor = {
    state: { ...INITIAL_VISITOR_STATE },
    client: newClient() as VisitorClient | null,
  };
  let open = false;
  const controller = new SiteController(host, visitor, () => open);
  return {
    controller,
    controllers,
    visitor,
    loadSite,
    newClient,
    setOpen: (value: boolean) => (open = value),
  };
}

describe('SiteController', () => {
  it('reads the site when the panel first opens, once per client', () => {
    const { controller, controllers, visitor, loadSite, newClient, setOpen } = setup();
    expect(controllers).toEqual([controller]);
    controller.hostUpdated();
    expect(loadSite).not.toHaveBeenCalled();
    setOpen(true);
    controller.hostUpdated();
    controller.hostUpdated();
    expect(loadSite).toHaveBeenCalledOnce();
    // A new client (another site key) is asked again.
    visitor.client = newClient();
    controller.hostUpdated();
    expect(loadSite).toHaveBeenCalledTimes(2);
  });

  it('asks nothing without a client, or when a session already brought the site', () => {
    const { controller, visitor, loadSite, newClient, setOpen } = setup();
    setOpen(true);
    visitor.client = null;
    controller.hostUpdated();
    visitor.client = newClient();
    visitor.state = { ...visitor.state, site: SITE };
    controller.hostUpdated();
    expect(loadSite).not.toHaveBeenCalled();
  });
});

describe('SiteController, when the site cannot be read', () => {
  it('carries on quietly: the chat works as if the site had no form', async () => {
    const { controller, loadSite, setOpen } = setup();
    loadSite.mockRejectedValueOnce(new Error('offline'));
    setOpen(true);
    controller.hostUpdated();
    await Promise.resolve();
    expect(loadSite).toHaveBeenCalledOnce();
  });
});
