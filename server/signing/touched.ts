import { fragmentName } from '../../shared/schema';
import { tableName } from '../../shared/tables';
import type { AgreementTemplate } from '../../shared/template';

/**
 * The sections whose approved content an edit under these top-level names
 * may have changed, or 'all'. A section's own rich text (`section:<key>`, and
 * `section:<key>:<partyId>` for its per-party parts) and its table
 * (`table:<key>`) are read by no other section's approval (see
 * shared/render.ts and shared/kinds/). Every other name (the meta, duration
 * and included maps, the parties, the party list, anything unforeseen) may
 * reach several sections: then all of them are checked.
 */
export function sectionsTouched(template: AgreementTemplate, roots: Iterable<string>): Set<string> | 'all' {
  const touched = new Set<string>();
  for (const root of roots) {
    const owners = template.sections.filter((s) => owns(s.key, root));
    if (owners.length === 0) return 'all';
    for (const s of owners) touched.add(s.key);
  }
  return touched;
}

function owns(key: string, root: string): boolean {
  const fragment = fragmentName(key);
  return root === fragment || root.startsWith(`${fragment}:`) || root === tableName(key);
}
