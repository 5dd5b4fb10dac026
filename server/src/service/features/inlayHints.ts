// Inlay hints: what directory macros expand to on the active profile (`%{_libdir}` → `= /usr/lib64`).
import { lookupMacro } from '../catalog/index';
import type { SpecDocument } from '../specfile/ast';
import { refsInRange } from '../specfile/query';
import type { InlayHint } from '../types';
import { code, profileLabel } from './markdown';
import type { ProfileLike } from '../catalog/profile';
import { macroValue } from '../catalog/index';
import { profileOf } from '../catalog/profile';
import { definitionTable } from '../specfile/macroScope';

export interface InlayHintOptions {
  distro: ProfileLike;
}

/** Hints for references starting inside [start, end). */
export function specInlayHints(doc: SpecDocument, start: number, end: number, options: InlayHintOptions): InlayHint[] {
  const out: InlayHint[] = [];
  const own = definitionTable(doc);
  for (const r of refsInRange(doc, start, end)) {
    if ((r.form !== 'plain' && r.form !== 'braced') || !r.name || r.argument || own.directives(r.name).length > 0) continue;
    if (r.form === 'braced' && !r.closed) continue;
    const info = lookupMacro(r.name);
    if (!info || info.kind !== 'directory') continue;
    const value = macroValue(info.name, profileOf(options.distro).release);
    if (value === undefined || value.includes('%')) continue;
    out.push({
      position: doc.lines.positionAt(r.end),
      label: `= ${value}`,
      paddingLeft: true,
      tooltip: { kind: 'markdown', value: `${code(`%{${r.name}}`)} on ${profileLabel(options.distro)} (setting \`specwright.distro\`)` },
    });
  }
  return out;
}
