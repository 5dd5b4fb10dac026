// Document links: URL/BugURL tags, Source/Patch URLs (macros expanded when they fully resolve)
// and local source/patch files (a relative target the server resolves against the document).
import type { ProfileLike } from '../catalog/profile';
import type { SpecDocument } from '../specfile/ast';
import { scopeOf } from '../specfile/macroScope';
import type { DocumentLink } from '../types';

const URL_TAGS = new Set(['url', 'bugurl', 'vcs']);
const REMOTE = /^(https?|ftp):\/\/[^\s"'<>]+$/i;

export function specDocumentLinks(doc: SpecDocument, distro: ProfileLike): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const t of doc.tags) {
    const isFile = t.key === 'source' || t.key === 'patch';
    if (!isFile && !URL_TAGS.has(t.key)) continue;
    if (!t.value || /\s/.test(t.value)) continue;
    let value = t.value;
    let expanded = false;
    if (value.includes('%')) {
      // The value rpm reads there: definitions above the tag, %if arms evaluated on the profile.
      const r = scopeOf(doc, distro).expand(value, t.start);
      if (r.uncertain || r.undefinedNames.length > 0 || r.text.includes('%')) continue;
      value = r.text;
      expanded = true;
    }
    const range = doc.lines.range(t.valueSpan.start, t.valueSpan.end);
    if (REMOTE.test(value)) {
      out.push({ range, target: value, ...(expanded ? { tooltip: value } : {}) });
      continue;
    }
    if (!isFile || /^[a-z][a-z0-9+.-]*:/i.test(value)) continue;
    // rpm looks the file up by its last path component in %{_sourcedir}: beside the spec.
    const base = value.replace(/^.*\//, '');
    // Surrogates (lone ones make encodeURIComponent throw) have no place in a patch file name.
    if (!base || base === '.' || base === '..' || /[\uD800-\uDFFF]/.test(base)) continue;
    out.push({ range, target: `./${encodeURIComponent(base)}`, tooltip: `Open ${base}` });
  }
  return out;
}
