// %changelog entries as rpm sees them. rpm starts an entry only at a `*` in column 0; the parser
// also turns indented `  * item` bullet lines into entries, which the rules must not read as
// headers (see the report on the parser).
import type { ChangelogEntry, SpecDocument } from './ast';

export function changelogEntries(doc: SpecDocument): ChangelogEntry[] {
  return doc.changelog.filter((e) => e.header.start === doc.lines.lineStarts[e.line]);
}
