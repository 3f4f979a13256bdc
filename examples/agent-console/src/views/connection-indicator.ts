import type { ConnectionState } from '@switchboard/agent-sdk';
import { h, setAttr, setText } from '../lib/dom.js';

const LABELS: Record<ConnectionState, string> = {
  idle: 'Offline',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  disconnected: 'Disconnected',
};

export interface ConnectionIndicator {
  element: HTMLElement;
  update: (state: ConnectionState) => void;
}

export function connectionIndicator(): ConnectionIndicator {
  const label = h('span', { className: 'connection-label' });
  const element = h(
    'span',
    { className: 'connection', testId: 'connection-state', attrs: { role: 'status' } },
    h('span', { className: 'connection-dot', attrs: { 'aria-hidden': 'true' } }),
    label,
  );
  return {
    element,
    update(state) {
      setAttr(element, 'data-state', state);
      setText(label, LABELS[state]);
    },
  };
}
