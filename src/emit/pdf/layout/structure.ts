/**
 * The structure tree as layout sees it: every placed line knows the element it belongs to, and through
 * its parents the whole path (Document/L/LI/LBody). The writer turns these nodes into the PDF's
 * structure elements in reading order.
 */

/** ISO 32000-1, table 347: how a list's labels are made (for assistive technology). */
export type ListNumbering = 'Decimal' | 'Disc' | 'None';

export interface StructNode {
  /** Standard structure type: Document, P, H1…H6, L, LI, Lbl, LBody, Table, TR, TH, TD, BlockQuote, Figure. */
  readonly role: string;
  readonly parent: StructNode | undefined;
  readonly listNumbering?: ListNumbering;
  /** TH: the cells it heads. */
  readonly scope?: 'Column';
  /** Figure: the alternate description a screen reader reads instead of the image. */
  readonly alt?: string;
}

export function structRoot(): StructNode {
  return { role: 'Document', parent: undefined };
}

export function structChild(parent: StructNode, role: string, attributes: Omit<StructNode, 'role' | 'parent'> = {}): StructNode {
  return { role, parent, ...attributes };
}

/** Roles from the root down to the node: "Document/L/LI/LBody". */
export function structPath(node: StructNode): string {
  const roles: string[] = [];
  for (let n: StructNode | undefined = node; n; n = n.parent) roles.push(n.role);
  return roles.reverse().join('/');
}
