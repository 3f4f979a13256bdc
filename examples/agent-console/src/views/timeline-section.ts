import type { AgentClient } from '@switchboard/agent-sdk';
import type { Conversation, TimelineEvent } from '@switchboard/protocol';
import { describeError } from '../lib/describe-error.js';
import { h } from '../lib/dom.js';
import { formatClockTime, formatFullTime } from '../lib/relative-time.js';
import { actorName, timelineAction } from '../lib/timeline-text.js';
import { detailsSection, formError, showError } from './details-section.js';

export interface TimelineSection {
  element: HTMLElement;
  /** Read again whenever the open conversation changes (a new snapshot) or its contact does. */
  show(conversation: Conversation | undefined): void;
  dispose(): void;
}

/** Wait this long after a change before reading the timeline again, so a burst costs one request. */
const REFRESH_DELAY_MS = 250;

/** The customer journey: who did what and when, tags, labels and contact edits included. */
export function timelineSection(client: AgentClient, selfId: () => string | null): TimelineSection {
  const list = h('ol', { className: 'timeline', testId: 'timeline' });
  const error = formError('timeline-error');
  const element = detailsSection('timeline-section', 'Timeline', list, error);
  let current: Conversation | undefined;
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function line(event: TimelineEvent): HTMLLIElement {
    const agents = client.getSnapshot().agents;
    return h(
      'li',
      { className: 'timeline-event', testId: 'timeline-event', attrs: { 'data-type': event.type } },
      h('time', {
        className: 'note-meta',
        text: formatClockTime(event.createdAt),
        attrs: { title: formatFullTime(event.createdAt) },
      }),
      h('span', { text: ` ${actorName(event, agents, selfId())} ${timelineAction(event)}` }),
    );
  }

  function load(): void {
    if (current === undefined) return;
    const asked = ++version;
    client.timeline(current.id).then(
      (events) => {
        if (asked !== version) return;
        // Newest first: what just happened is what the agent looks for.
        list.replaceChildren(...[...events].reverse().map(line));
        showError(error, null);
      },
      (reason: unknown) => {
        if (asked === version) showError(error, describeError(reason));
      },
    );
  }

  function later(): void {
    clearTimeout(timer);
    timer = setTimeout(load, REFRESH_DELAY_MS);
  }

  const stopContacts = client.on('contact:updated', (contact) => {
    if (contact.id === current?.contactId) later();
  });

  return {
    element,
    show(next) {
      const same = next?.id === current?.id;
      const changed = same && next?.updatedAt !== current?.updatedAt;
      current = next;
      if (!same) {
        list.replaceChildren();
        showError(error, null);
        version++;
        load();
      } else if (changed) later();
    },
    dispose() {
      clearTimeout(timer);
      stopContacts();
    },
  };
}
