// %changelog entries as rpm sees them. rpm starts an entry only at a `*` in column 0; the parser
// also turns indented `  * item` bullet lines into entries, which the rules must not read as
// headers (see the report on the parser).
import type { ChangelogEntry, SpecDocument } from './ast';

/** Per parse: four rules ask, and Fedora's specs hold ~770,000 entries. */
const entriesOf = new WeakMap<SpecDocument, readonly ChangelogEntry[]>();

export function changelogEntries(doc: SpecDocument): readonly ChangelogEntry[] {
  let entries = entriesOf.get(doc);
  if (!entries) {
    entries = doc.changelog.filter((e) => e.header.start === doc.lines.lineStarts[e.line]);
    entriesOf.set(doc, entries);
  }
  return entries;
}
