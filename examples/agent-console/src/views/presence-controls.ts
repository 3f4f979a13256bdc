import type { AgentClient } from '@switchboard/agent-sdk';
import { AGENT_STATUSES, type Agent, type AgentStatus } from '@switchboard/protocol';
import { h } from '../lib/dom.js';
import { agentStatusLabel } from '../lib/labels.js';

export interface PresenceControls {
  element: HTMLElement;
  /** Shows the signed-in agent's status and capacity (null while the client does not know them). */
  update(agent: Agent | null): void;
}

const MAX_CAPACITY = 100;

/**
 * The agent's own status and capacity. Both show what the server last said: a change is sent,
 * and a refused one snaps back and is reported through `onError`.
 */
export function presenceControls(client: AgentClient, onError: (error: unknown) => void): PresenceControls {
  const status = h('select', {
    className: 'status-select',
    testId: 'status-select',
    attrs: { 'aria-label': 'Your status' },
  });
  for (const value of AGENT_STATUSES) {
    status.append(h('option', { text: agentStatusLabel(value), attrs: { value } }));
  }
  const capacity = h('input', {
    className: 'capacity-input',
    testId: 'capacity-input',
    attrs: {
      type: 'number',
      min: '0',
      max: String(MAX_CAPACITY),
      step: '1',
      inputmode: 'numeric',
      'aria-label': 'Capacity',
      title: 'How many conversations you take at once',
    },
  });
  const element = h(
    'span',
    { className: 'presence-controls' },
    status,
    h('label', { className: 'capacity-label' }, document.createTextNode('Capacity '), capacity),
  );

  let agent: Agent | null = null;
  // While a change is on its way, show it rather than the value it replaces.
  let sendingStatus: AgentStatus | null = null;
  let sendingCapacity: number | null = null;

  function render(): void {
    status.disabled = agent === null;
    capacity.disabled = agent === null;
    if (agent === null) return;
    const shownStatus = sendingStatus ?? agent.status;
    status.value = shownStatus;
    element.dataset['status'] = shownStatus;
    // Do not overwrite what the agent is typing.
    if (document.activeElement !== capacity) capacity.value = String(sendingCapacity ?? agent.capacity);
  }

  status.addEventListener('change', () => {
    const value = status.value as AgentStatus;
    sendingStatus = value;
    render();
    client
      .setStatus(value)
      .catch(onError)
      .finally(() => {
        if (sendingStatus === value) sendingStatus = null;
        render();
      });
  });

  capacity.addEventListener('change', () => {
    const value = Number(capacity.value);
    if (capacity.value.trim() === '' || !Number.isInteger(value) || value < 0 || value > MAX_CAPACITY) {
      onError(new Error(`Capacity must be a whole number from 0 to ${MAX_CAPACITY}.`));
      return;
    }
    if (value === (sendingCapacity ?? agent?.capacity)) return;
    sendingCapacity = value;
    client
      .setCapacity(value)
      .catch(onError)
      .finally(() => {
        if (sendingCapacity === value) sendingCapacity = null;
        render();
      });
  });
  capacity.addEventListener('blur', render);

  render();
  return {
    element,
    update(next) {
      agent = next;
      render();
    },
  };
}
