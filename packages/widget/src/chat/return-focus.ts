/**
 * The element that has focus in `root` (the chat's shadow root) now: the control the visitor is
 * sending something with, to give focus back to should it fail (see `returnFocus`).
 */
export function focusedControl(root: HTMLElement | DocumentFragment): HTMLElement | null {
  return ((root as Partial<DocumentOrShadowRoot>).activeElement as HTMLElement | null | undefined) ?? null;
}

/**
 * Gives focus back to the control the visitor used, once a failure is drawn. Sending disables that
 * control, or removes it until the failure brings it back, and either drops focus to the page's
 * body, where keyboard and screen-reader users lose their place. A control drawn anew is found by
 * `replacement`, else by its `part`. Focus the visitor has put somewhere else meanwhile stays.
 */
export function returnFocus(
  root: HTMLElement | DocumentFragment,
  control: HTMLElement | null,
  replacement?: () => HTMLElement | null,
): void {
  if (!control) return;
  const active = focusedControl(root);
  if (active) return;
  const page = control.ownerDocument.activeElement;
  if (page && page !== control.ownerDocument.body && page !== (root as Partial<ShadowRoot>).host) return;
  const part = control.getAttribute('part');
  const samePart = () =>
    [...root.querySelectorAll<HTMLElement>('[part]')].find(
      (element) => element.getAttribute('part') === part,
    );
  const target = control.isConnected ? control : (replacement?.() ?? samePart());
  target?.focus();
}
