import type { Channel, Priority } from '@switchboard/protocol';
import { CHANNELS, PRIORITIES } from '@switchboard/protocol';
import { h } from '../lib/dom.js';
import {
  CHANNEL_LABELS,
  channelOf,
  NO_FILTER,
  PRIORITY_LABELS,
  priorityOf,
  type ListFilter,
} from '../lib/list-filter.js';

/** Typing pauses this long before a search goes to the server. */
const SEARCH_DEBOUNCE_MS = 250;

export interface ListFilters {
  element: HTMLElement;
  /** Focuses the search box. */
  focusSearch(): void;
  dispose(): void;
}

function select<Value extends string>(
  label: string,
  testId: string,
  values: readonly Value[],
  labels: Record<Value, string>,
): HTMLSelectElement {
  const element = h('select', { className: 'list-filter', testId, attrs: { 'aria-label': label } });
  element.append(h('option', { text: `Any ${label.toLowerCase()}`, attrs: { value: '' } }));
  for (const value of values) element.append(h('option', { text: labels[value], attrs: { value } }));
  return element;
}

/** A search box (contact name, email, phone, message text or id) and channel and priority filters. */
export function listFilters(onChange: (filter: ListFilter) => void): ListFilters {
  const search = h('input', {
    className: 'list-search',
    testId: 'list-search',
    attrs: {
      type: 'search',
      placeholder: 'Search name, email, phone, message…',
      'aria-label': 'Search conversations',
      maxlength: '200',
    },
  });
  const channel = select<Channel>('Channel', 'filter-channel', CHANNELS, CHANNEL_LABELS);
  const priority = select<Priority>('Priority', 'filter-priority', PRIORITIES, PRIORITY_LABELS);
  let filter: ListFilter = NO_FILTER;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const emit = () => {
    clearTimeout(timer);
    const next: ListFilter = {
      q: search.value.trim(),
      channel: channelOf(channel.value),
      priority: priorityOf(priority.value),
    };
    if (next.q === filter.q && next.channel === filter.channel && next.priority === filter.priority) return;
    filter = next;
    onChange(filter);
  };
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(emit, SEARCH_DEBOUNCE_MS);
  });
  // Enter searches at once; Escape clears the box.
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') emit();
    if (event.key === 'Escape' && search.value !== '') {
      event.stopPropagation();
      search.value = '';
      emit();
    }
  });
  search.addEventListener('search', emit);
  channel.addEventListener('change', emit);
  priority.addEventListener('change', emit);

  return {
    element: h('div', { className: 'list-filters', attrs: { role: 'search' } }, search, channel, priority),
    focusSearch: () => search.focus(),
    dispose: () => clearTimeout(timer),
  };
}
