// Display math scrolls sideways when it is wider than the screen (a phone, a long equation); a
// region that scrolls must be reachable by keyboard to be scrolled without a pointer, so each
// display equation becomes a tab stop (axe: scrollable-region-focusable).

interface Node {
  type: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

const isDisplayMath = (node: Node) => {
  const names = node.properties?.className;
  return node.type === 'element' && Array.isArray(names) && names.includes('katex-display');
};

function visit(node: Node): void {
  if (isDisplayMath(node)) node.properties!.tabIndex = 0;
  node.children?.forEach(visit);
}

/** Rehype plugin, after rehype-katex: `tabindex="0"` on every `.katex-display`. */
export default function rehypeFocusableMath() {
  return (tree: Node) => visit(tree);
}
