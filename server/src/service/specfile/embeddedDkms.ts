// dkms.conf files a spec writes itself with a here-document in %prep/%build/%install
// (`cat > dkms.conf <<'EOF' … EOF`, `cat <<EOF > %{buildroot}%{_usrsrc}/…/dkms.conf`): parsed as
// dkms.conf, so the dkms.conf rules, hover and completion work inside the spec, with positions
// mapped between the here-document body and the spec.
import type { DkmsDocument } from '../dkms/ast';
import { isDkmsConfName } from '../dkms/fileNames';
import { parseDkms } from '../dkms/parser';
import { cachedPerParse } from '../perParse';
import { specHereDocs, type SpecHereDoc } from '../shell/specShell';
import type { SpecDocument } from './ast';

export interface EmbeddedDkmsConf extends SpecHereDoc {
  /** The file as written: for an unquoted delimiter, the shell's escapes (`\$`, `` \` ``, `\\`, `\`+newline) removed. */
  dkms: DkmsDocument;
  /** Index in the written text → index in the here-document body (absent: the same). */
  bodyIndex?: number[];
  /** `>>`: the body is appended to a file written elsewhere, so it may be a fragment. */
  appends: boolean;
}

const SECTIONS = new Set(['prep', 'conf', 'build', 'install']);

/** The here-documents of a spec that write a file named like a dkms.conf (cached per parse). */
export const embeddedDkmsConfs = cachedPerParse((doc: SpecDocument): EmbeddedDkmsConf[] => {
  const out: EmbeddedDkmsConf[] = [];
  // A here-document needs `<<` in the shell text, which is whole lines of the document: without
  // one in the document, the shell sections need not be lexed for this (every spec is asked).
  if (!doc.text.includes('<<')) return out;
  for (const h of specHereDocs(doc)) {
    if (!SECTIONS.has(h.section.kind) || !h.target) continue;
    const target = h.target.value.replace(/["']/g, '');
    if (!isDkmsConfName(target.replace(/%\{[^}]*\}/g, 'x'))) continue;
    const appends = h.command.redirects.some((r) => r.op === '>>' && r.target === h.target);
    const written = h.hereDoc.quoted ? undefined : unescapeHereDoc(h.hereDoc.body);
    out.push({ ...h, dkms: parseDkms(written ? written.text : h.hereDoc.body), ...(written ? { bodyIndex: written.index } : {}), appends });
  }
  return out;
});

/** What an unquoted here-document writes: the shell removes `\` before `$`, `` ` ``, `\` and a line break. */
function unescapeHereDoc(body: string): { text: string; index: number[] } {
  let text = '';
  const index: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      const next = body[i + 1];
      if (next === '\n') {
        i++;
        continue;
      }
      if (next === '$' || next === '`' || next === '\\') {
        i++;
        index.push(i);
        text += next;
        continue;
      }
    }
    index.push(i);
    text += c;
  }
  return { text, index };
}

/** The spec offset of an offset in the embedded conf's text. */
export function specOffsetOf(conf: EmbeddedDkmsConf, offset: number): number {
  const body = conf.hereDoc.body;
  if (body.length === 0) return conf.hereDoc.bodyStart;
  const length = conf.bodyIndex ? conf.bodyIndex.length : body.length;
  if (offset >= length) return conf.hereDoc.offsetAt(body.length - 1) + 1;
  const i = Math.max(0, offset);
  return conf.hereDoc.offsetAt(conf.bodyIndex ? conf.bodyIndex[i] : i);
}

/** The embedded conf whose body holds a spec offset, and the offset in its text. */
export function embeddedConfAt(doc: SpecDocument, offset: number): { conf: EmbeddedDkmsConf; offset: number } | undefined {
  for (const conf of embeddedDkmsConfs(doc)) {
    const h = conf.hereDoc;
    if (offset < h.bodyStart || offset > h.bodyEnd) continue;
    // offsetAt is monotonic: find the body index for the spec offset
    let lo = 0;
    let hi = conf.bodyIndex ? conf.bodyIndex.length : h.body.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (specOffsetOf(conf, mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return { conf, offset: lo };
  }
  return undefined;
}
