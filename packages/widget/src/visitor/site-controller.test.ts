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
  const visitor = {
    state: { ...INITIAL_VISITOR_STATE },
    client: {} as VisitorClient | null,
    loadSite: vi.fn(() => Promise.resolve(SITE)),
  };
  let open = false;
  const controller = new SiteController(host, visitor, () => open);
  return { controller, controllers, visitor, setOpen: (value: boolean) => (open = value) };
}

describe('SiteController', () => {
  it('reads the site when the panel first opens, once per client', () => {
    const { controller, controllers, visitor, setOpen } = setup();
    expect(controllers).toEqual([controller]);
    controller.hostUpdated();
    expect(visitor.loadSite).not.toHaveBeenCalled();
    setOpen(true);
    controller.hostUpdated();
    controller.hostUpdated();
    expect(visitor.loadSite).toHaveBeenCalledOnce();
    // A new client (another site key) is asked again.
    visitor.client = {} as VisitorClient;
    controller.hostUpdated();
    expect(visitor.loadSite).toHaveBeenCalledTimes(2);
  });

  it('asks nothing without a client, or when a session already brought the site', () => {
    const { controller, visitor, setOpen } = setup();
    setOpen(true);
    visitor.client = null;
    controller.hostUpdated();
    visitor.client = {} as VisitorClient;
    visitor.state = { ...visitor.state, site: SITE };
    controller.hostUpdated();
    expect(visitor.loadSite).not.toHaveBeenCalled();
  });
});
