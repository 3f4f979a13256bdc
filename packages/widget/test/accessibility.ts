import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';

/** A node of Chromium's accessibility tree: what screen readers are told. */
export interface AccessibilityNode {
  role: string;
  name: string;
  expanded?: boolean;
  live?: string;
  focused?: boolean;
  children?: AccessibilityNode[];
}

/** The first node of the page's accessibility tree (shadow roots included) that passes `test`. */
export async function findAccessible(
  test: (node: AccessibilityNode) => boolean,
): Promise<AccessibilityNode | null> {
  // The command's declared result is void; it resolves with the tree.
  const tree = (await a11ySnapshot({})) as unknown as AccessibilityNode & { children: AccessibilityNode[] };
  return findAccessibilityNode<AccessibilityNode>(tree, test);
}
