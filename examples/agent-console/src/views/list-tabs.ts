import { h, setAttr, setText } from '../lib/dom.js';
import { LIST_TABS, TAB_LABELS, type ListTab } from '../lib/tabs.js';

export interface ListTabs {
  element: HTMLElement;
  update(selected: ListTab, counts: Readonly<Record<ListTab, number>>): void;
}

/** Mine / Queue / Bot / All / Closed above the conversation list, each with how many it holds. */
export function listTabs(onSelect: (tab: ListTab) => void): ListTabs {
  const counts = new Map<ListTab, HTMLElement>();
  const buttons = new Map<ListTab, HTMLButtonElement>();
  const element = h('div', {
    className: 'list-tabs',
    attrs: { role: 'tablist', 'aria-label': 'Conversation filter' },
  });
  for (const tab of LIST_TABS) {
    const count = h('span', { className: 'tab-count' });
    const button = h(
      'button',
      {
        className: 'list-tab',
        testId: `tab-${tab}`,
        attrs: { type: 'button', role: 'tab', 'data-tab': tab },
      },
      document.createTextNode(TAB_LABELS[tab]),
      count,
    );
    button.addEventListener('click', () => onSelect(tab));
    counts.set(tab, count);
    buttons.set(tab, button);
    element.append(button);
  }
  // Arrow keys move between tabs, as a tablist should.
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = LIST_TABS.findIndex((tab) => buttons.get(tab) === document.activeElement);
    if (index < 0) return;
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = LIST_TABS[(index + step + LIST_TABS.length) % LIST_TABS.length];
    if (next === undefined) return;
    event.preventDefault();
    buttons.get(next)?.focus();
    onSelect(next);
  });

  return {
    element,
    update(selected, tabCounts) {
      for (const tab of LIST_TABS) {
        const button = buttons.get(tab);
        const count = counts.get(tab);
        if (!button || !count) continue;
        const isSelected = tab === selected;
        setAttr(button, 'aria-selected', String(isSelected));
        setAttr(button, 'tabindex', isSelected ? '0' : '-1');
        button.classList.toggle('is-selected', isSelected);
        setText(count, String(tabCounts[tab]));
      }
    },
  };
}
