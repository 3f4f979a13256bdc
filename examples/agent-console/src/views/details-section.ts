import { h } from '../lib/dom.js';

/** A titled section of the details pane. */
export function detailsSection(testId: string, title: string, ...children: Node[]): HTMLElement {
  return h(
    'section',
    { className: 'details-section', testId, attrs: { 'aria-label': title } },
    h('h3', { className: 'details-heading', text: title }),
    ...children,
  );
}

/** A line under a form for a refusal; hidden while empty. */
export function formError(testId: string): HTMLParagraphElement {
  const error = h('p', { className: 'form-error', testId, attrs: { role: 'alert' } });
  error.hidden = true;
  return error;
}

export function showError(element: HTMLElement, text: string | null): void {
  element.textContent = text ?? '';
  element.hidden = text === null;
}
