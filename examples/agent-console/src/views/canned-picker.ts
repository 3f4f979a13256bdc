import type { CannedResponse } from '@switchboard/protocol';
import { pickerKey, previewLine, type PickerMode } from '../lib/canned-picker.js';
import { h, reconcile, setAttr, setText } from '../lib/dom.js';

export interface CannedPickerOptions {
  /** The composer's text field: it drives the list in `slash` mode and gets its ARIA state. */
  input: HTMLElement;
  /** Matches for the open conversation, best first. */
  search(query: string): readonly CannedResponse[];
  /** The reply as it would go in, on one line (the contact may still be loading). */
  preview(response: CannedResponse): string;
  /** Whether the replies have been fetched; until then an empty list says "Loading…". */
  loaded(): boolean;
  onPick(response: CannedResponse, mode: PickerMode): void;
  /** Closed without a pick, by Escape (`escape`) or because its trigger went away. */
  onClose(mode: PickerMode, reason: 'escape' | 'other'): void;
}

export interface CannedPicker {
  element: HTMLElement;
  /** Null while closed. */
  readonly mode: PickerMode | null;
  /** Opens (or re-filters) the list: `slash` follows the composer's `/word`, `palette` has its own field. */
  open(mode: PickerMode, query?: string): void;
  close(): void;
  /** A key pressed in the composer's text field; true when the picker took it. */
  handleKey(event: KeyboardEvent): boolean;
  /** The replies changed (a live update): filter again. */
  refresh(): void;
  /** The highlighted option's element id, for `aria-activedescendant`; null when there is none. */
  activeOptionId(): string | null;
}

/** More than this and the agent should type a few more letters. */
const MAX_SHOWN = 50;

const optionId = (response: CannedResponse) => `canned-option-${response.id}`;

/**
 * The canned-reply list over the composer: filtered as the agent types, arrow keys to move, Enter
 * or Tab (or a click) to insert, Escape to close. Opened by `/` at the start of the text or by
 * Ctrl+/, which gives it a search field of its own.
 */
export function cannedPicker(options: CannedPickerOptions): CannedPicker {
  const search = h('input', {
    className: 'canned-search',
    testId: 'canned-search',
    attrs: {
      type: 'search',
      'aria-label': 'Search canned replies',
      placeholder: 'Search canned replies…',
      autocomplete: 'off',
      'aria-controls': 'canned-options',
    },
  });
  const list = h('ul', {
    className: 'canned-options',
    testId: 'canned-options',
    attrs: { id: 'canned-options', role: 'listbox', 'aria-label': 'Canned replies' },
  });
  const empty = h('p', { className: 'canned-empty', testId: 'canned-empty' });
  const hint = h('p', {
    className: 'canned-hint',
    text: '↑ ↓ to choose · Enter to insert · Esc to close',
  });
  const element = h(
    'div',
    { className: 'canned-picker', testId: 'canned-picker' },
    search,
    list,
    empty,
    hint,
  );
  element.hidden = true;

  const nodes = new Map<string, HTMLLIElement>();
  let mode: PickerMode | null = null;
  let query = '';
  let items: readonly CannedResponse[] = [];
  let active = 0;

  function render(): void {
    items = options.search(query).slice(0, MAX_SHOWN);
    active = Math.min(active, Math.max(0, items.length - 1));
    reconcile(list, nodes, items, (response) => response.id, option, fill);
    items.forEach((response, index) => {
      const node = nodes.get(response.id);
      if (!node) return;
      setAttr(node, 'aria-selected', String(index === active));
      node.classList.toggle('is-active', index === active);
    });
    nodes.get(items[active]?.id ?? '')?.scrollIntoView({ block: 'nearest' });
    empty.hidden = items.length > 0;
    setText(empty, options.loaded() ? 'No canned reply matches.' : 'Loading canned replies…');
    setAttr(search, 'aria-activedescendant', mode === 'palette' ? activeOptionId() : null);
    setAttr(options.input, 'aria-activedescendant', mode === 'slash' ? activeOptionId() : null);
    setAttr(options.input, 'aria-expanded', String(mode === 'slash'));
  }

  function option(response: CannedResponse): HTMLLIElement {
    const node = h('li', {
      className: 'canned-option',
      testId: 'canned-option',
      attrs: { id: optionId(response), role: 'option' },
    });
    // Keeps the focus (and the caret) in the text field.
    node.addEventListener('mousedown', (event) => event.preventDefault());
    node.addEventListener('click', () => {
      const index = items.findIndex((item) => item.id === response.id);
      if (index >= 0) pick(index);
    });
    fill(node, response);
    return node;
  }

  function fill(node: HTMLLIElement, response: CannedResponse): void {
    node.dataset['shortcut'] = response.shortcut;
    node.replaceChildren(
      h('span', { className: 'canned-shortcut', text: `/${response.shortcut}` }),
      h('span', { className: 'canned-title', text: response.title }),
      ...(response.category === null
        ? []
        : [h('span', { className: 'canned-category', text: response.category })]),
      h('span', { className: 'canned-preview', text: previewLine(options.preview(response)) }),
    );
  }

  function pick(index: number): void {
    const response = items[index];
    const from = mode;
    if (response === undefined || from === null) return;
    close();
    options.onPick(response, from);
  }

  function close(): void {
    mode = null;
    element.hidden = true;
    setAttr(options.input, 'aria-activedescendant', null);
    setAttr(options.input, 'aria-expanded', 'false');
  }

  function handleKey(event: KeyboardEvent): boolean {
    if (mode === null) return false;
    const action = pickerKey(event, active, items.length);
    if (action === null) return false;
    event.preventDefault();
    switch (action.type) {
      case 'move':
        active = action.active;
        render();
        break;
      case 'pick':
        pick(action.index);
        break;
      case 'close': {
        const from = mode;
        close();
        options.onClose(from, 'escape');
        break;
      }
      case 'ignore':
        break;
    }
    return true;
  }

  search.addEventListener('input', () => {
    query = search.value;
    active = 0;
    render();
  });
  search.addEventListener('keydown', (event) => void handleKey(event));
  // Clicking elsewhere closes the palette; its field losing focus to an option does not.
  search.addEventListener('blur', () => {
    if (mode !== 'palette') return;
    close();
    options.onClose('palette', 'other');
  });

  function activeOptionId(): string | null {
    const response = mode === null ? undefined : items[active];
    return response === undefined ? null : optionId(response);
  }

  return {
    element,
    get mode() {
      return mode;
    },
    open(next, nextQuery = '') {
      if (mode !== next || nextQuery !== query) active = 0;
      mode = next;
      query = nextQuery;
      search.hidden = next !== 'palette';
      if (next === 'palette') search.value = nextQuery;
      element.hidden = false;
      element.dataset['mode'] = next;
      render();
      if (next === 'palette') search.focus();
    },
    close,
    handleKey,
    refresh() {
      if (mode !== null) render();
    },
    activeOptionId,
  };
}
