// The console's whole "framework": build elements from data with textContent and attributes,
// and keep keyed children in place so focus, scroll and selection survive a re-render.

export interface ElementProps {
  className?: string;
  testId?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function h<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  props: ElementProps = {},
  ...children: Node[]
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  if (props.className !== undefined) element.className = props.className;
  if (props.testId !== undefined) element.dataset['testid'] = props.testId;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  if (props.text !== undefined) element.textContent = props.text;
  element.append(...children);
  return element;
}

/** Sets or removes an attribute, touching the DOM only when the value changes. */
export function setAttr(element: Element, name: string, value: string | null): void {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * Makes `container`'s children exactly one node per item, in order, reusing the node cached
 * under each key. Nodes whose key disappears are removed and forgotten.
 */
export function reconcile<Item, N extends Element>(
  container: Element,
  cache: Map<string, N>,
  items: readonly Item[],
  keyOf: (item: Item) => string,
  create: (item: Item) => N,
  update?: (node: N, item: Item) => void,
): void {
  const keep = new Set<string>();
  let cursor: ChildNode | null = container.firstChild;
  for (const item of items) {
    const key = keyOf(item);
    keep.add(key);
    let node = cache.get(key);
    if (node === undefined) {
      node = create(item);
      cache.set(key, node);
    } else {
      update?.(node, item);
    }
    if (node === cursor) cursor = cursor.nextSibling;
    else container.insertBefore(node, cursor);
  }
  for (const [key, node] of cache) {
    if (!keep.has(key)) {
      node.remove();
      cache.delete(key);
    }
  }
}
