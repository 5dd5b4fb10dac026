// Lints the dkms.conf files a spec writes with here-documents (see embeddedDkms): the dkms.conf
// rules run on each body, and their findings are moved to the spec's positions.
import { runRules, type LintOptions } from '../lint';
import type { RuleContextBase } from '../rules/types';
import type { Finding, Position, Range } from '../types';
import type { SpecDocument } from './ast';
import { embeddedDkmsConfs, specOffsetOf, type EmbeddedDkmsConf } from './embeddedDkms';

/** Rules about the file itself rather than its content: the spec's own line endings decide. */
const FILE_RULES = new Set(['dkms-crlf-line-endings']);

/** Maps a range in an embedded conf's text to the spec. */
export function embeddedRangeMapper(spec: SpecDocument, conf: EmbeddedDkmsConf): (r: Range) => Range {
  const toSpec = (p: Position) => spec.lines.positionAt(specOffsetOf(conf, conf.dkms.lines.offsetAt(p)));
  return (r) => ({ start: toSpec(r.start), end: toSpec(r.end) });
}

export function lintEmbeddedDkms(spec: SpecDocument, base: Omit<RuleContextBase, 'report'>, options: LintOptions): Finding[] {
  const out: Finding[] = [];
  for (const conf of embeddedDkmsConfs(spec)) {
    const result = runRules('dkms-conf', conf.dkms, conf.dkms.lines, base, options);
    const mapRange = embeddedRangeMapper(spec, conf);
    // In an unquoted here-document a `\$` in the spec is a literal `$` in the file. An edit that
    // replaces text from such a `$` also replaces its backslash (`\$(uname -r)` → `\${kernelver}`,
    // the replacement being escaped below), or the file would get a stray backslash.
    const mapEdit = (r: Range): Range => {
      const mapped = mapRange(r);
      if (conf.hereDoc.quoted) return mapped;
      const start = spec.lines.offsetAt(mapped.start);
      if (start > 0 && spec.text[start] === '$' && spec.text[start - 1] === '\\' && spec.text[start - 2] !== '\\') return { start: spec.lines.positionAt(start - 1), end: mapped.end };
      return mapped;
    };
    for (const f of result.findings) {
      if (FILE_RULES.has(f.rule)) continue;
      // A body appended with >> may be a fragment of a file the spec writes in pieces.
      if (conf.appends && f.rule === 'dkms-missing-required') continue;
      out.push(moved(f, conf, mapRange, mapEdit));
    }
  }
  return out;
}

function moved(f: Finding, conf: EmbeddedDkmsConf, mapRange: (r: Range) => Range, mapEdit: (r: Range) => Range): Finding {
  const target = conf.target ? conf.target.value : 'dkms.conf';
  return {
    ...f,
    message: `In the dkms.conf this here-document writes (${target}): ${f.message}`,
    range: mapRange(f.range),
    // In an unquoted here-document the build's shell expands `$`: a fix writes `\$` to put a literal `$` in the file.
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ range: mapEdit(e.range), newText: conf.hereDoc.quoted ? e.newText : e.newText.replace(/\$/g, '\\$') })) })),
    ...(f.related ? { related: f.related.map((r) => (r.uri ? r : { ...r, range: mapRange(r.range) })) } : {}),
  };
}
