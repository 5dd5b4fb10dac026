// The spec's own macro values, for static expansion: `%define`/`%global` bodies (the last one
// wins), plus name/version/release from the main preamble. Cached per parse.
import type { SpecDocument } from '../specfile/ast';
import { cachedPerParse } from '../perParse';

export const fileDefinitions = cachedPerParse((doc: SpecDocument): Map<string, string> => {
  const map = new Map<string, string>();
  for (const t of doc.tags) {
    if (t.packageIndex !== 0) continue;
    if (t.key === 'name' || t.key === 'version' || t.key === 'release' || t.key === 'epoch' || t.key === 'summary' || t.key === 'url') {
      if (!map.has(t.key)) map.set(t.key, t.value);
      const upper = t.key.toUpperCase();
      if (!map.has(upper)) map.set(upper, t.value);
    }
  }
  for (const d of doc.macroDefinitions) {
    if (d.keyword === 'undefine') map.delete(d.name);
    else if (d.keyword !== 'bcond' && d.parameters === undefined) map.set(d.name, d.body);
  }
  for (const b of doc.buildConditionals) {
    if (b.defaultEnabled === true) map.set(`with_${b.name}`, '1');
    else if (b.defaultEnabled === false) map.set(`without_${b.name}`, '1');
  }
  return map;
});
