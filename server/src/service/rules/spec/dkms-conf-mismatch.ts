import type { DkmsDocument } from '../../dkms/ast';
import { dkmsCalls, expandSpecText, MUTATING_ACTIONS, normalizeMacroText, usrSrcDirs, type WordSpan } from '../../spec/dkmsScriptlets';
import { hereDocLines } from '../../spec/scriptletShell';
import type { SpecDocument } from '../../spec/ast';
import type { Range } from '../../types';
import { defineSpecRule } from '../types';

interface ConfValue {
  text: string;
  /** Where it is written: in the spec (offsets) or in a related dkms.conf (uri + range). */
  start: number;
  end: number;
  uri?: string;
  range?: Range;
}

interface Conf {
  name?: ConfValue;
  version?: ConfValue;
  where: string;
  /** In the spec's own folder (not a subfolder's, which may belong to another module). */
  beside: boolean;
}

const dirOf = (uri: string) => uri.replace(/\/[^/]*$/, '');

/** Expanded spec text that still holds a placeholder (`#MODULE_VERSION#`, `@VERSION@`) is not comparable. */
function comparable(e: { text: string; resolved: boolean }): boolean {
  return e.resolved && !/[#@]/.test(e.text);
}

/** A value we can compare: no variables, placeholders (`@VERSION@`, `#MODULE_VERSION#`) or substitutions. */
function literal(text: string): boolean {
  return text !== '' && !/[$`@#%]/.test(text);
}

function fromRelated(dkms: DkmsDocument, uri: string, specUri: string): Conf {
  const conf: Conf = { where: uri.replace(/^.*\//, ''), beside: dirOf(uri) === dirOf(specUri) };
  for (const a of dkms.assignments) {
    if (a.conditional || a.isArray || a.index !== undefined || a.values.length !== 1) continue;
    if (a.name !== 'PACKAGE_NAME' && a.name !== 'PACKAGE_VERSION') continue;
    const v = a.values[0];
    const value: ConfValue = { text: v.hasCommandSubstitution || v.variables.length > 0 ? '$' : v.text.trim(), start: 0, end: 0, uri, range: dkms.lines.range(v.start, v.end) };
    if (a.name === 'PACKAGE_NAME') conf.name = value;
    else conf.version = value;
  }
  return conf;
}

/** A dkms.conf the spec writes itself with a here-document in %prep/%build/%install. */
function fromHereDoc(doc: SpecDocument, distro: Parameters<typeof expandSpecText>[2]): Conf | undefined {
  let conf: Conf | undefined;
  for (const s of doc.sections) {
    if (s.kind !== 'prep' && s.kind !== 'build' && s.kind !== 'install') continue;
    const lines = hereDocLines(doc, s);
    for (const l of lines) {
      const start = doc.lines.lineStarts[l];
      const text = doc.text.slice(start, doc.lines.lineEnd(l));
      const m = /^\s*(PACKAGE_NAME|PACKAGE_VERSION)=(["']?)([^"'\s]*)\2\s*$/.exec(text);
      if (!m) continue;
      const exp = expandSpecText(doc, m[3], distro);
      const vs = start + text.indexOf('=') + 1 + m[2].length;
      conf ??= { where: 'the dkms.conf written in the spec', beside: true };
      const value = { text: exp.resolved ? exp.text : '$', start: vs, end: vs + m[3].length };
      if (m[1] === 'PACKAGE_NAME') conf.name = value;
      else conf.version = value;
    }
  }
  return conf;
}

/** The spec rewrites or generates dkms.conf at build time (sed, a generator script, a redirect). */
function rewritesConf(doc: SpecDocument): boolean {
  for (const s of doc.sections) {
    if (s.kind !== 'prep' && s.kind !== 'build' && s.kind !== 'install' && s.kind !== 'conf') continue;
    const body = doc.text.slice(s.body.start, s.body.end);
    for (const line of body.split('\n')) {
      if (!/dkms\.conf/.test(line)) continue;
      if (/\bsed\b|\bperl\b|\bawk\b|>|\bmkconf\b|\benvsubst\b|\bconfigure\b|\bmake\b/.test(line)) return true;
    }
  }
  return false;
}

export default defineSpecRule({
  id: 'dkms-conf-mismatch',
  category: 'dkms',
  defaultSeverity: 'error',
  description: "dkms.conf's PACKAGE_NAME/PACKAGE_VERSION disagree with the module and version the spec passes to dkms or installs under /usr/src",
  fixSafety: 'none',
  check(ctx) {
    const doc = ctx.doc;
    if (doc.isTemplate) return;
    const confs: Conf[] = [];
    const own = fromHereDoc(doc, ctx.distro);
    if (own) confs.push(own);
    else if (!rewritesConf(doc)) {
      for (const r of ctx.related) if (r.languageId === 'dkms-conf') confs.push(fromRelated(ctx.parseRelatedDkms(r), r.uri, ctx.uri));
    }
    if (confs.length === 0) return;
    // what the spec says: module/version pairs from the dkms calls, else the /usr/src directory
    const pairs: { module: WordSpan; version?: WordSpan; name: string; version_?: string }[] = [];
    for (const call of dkmsCalls(doc)) {
      if (!call.action || !MUTATING_ACTIONS.has(call.action.text) || !call.module) continue;
      const m = expandSpecText(doc, normalizeMacroText(call.module.text), ctx.distro);
      if (!comparable(m)) continue;
      const v = call.version ? expandSpecText(doc, normalizeMacroText(call.version.text), ctx.distro) : undefined;
      pairs.push({ module: call.module, version: call.version, name: m.text, version_: v && comparable(v) ? v.text : undefined });
    }
    if (pairs.length === 0) {
      const dirs = usrSrcDirs(doc);
      const files = dirs.filter((d) => d.from === 'files');
      for (const d of files.length > 0 ? files : dirs) {
        const e = expandSpecText(doc, d.text, ctx.distro);
        const m = /^(.+)-([^-]+)$/.exec(e.text);
        if (!comparable(e) || !m) continue;
        const span = { text: d.text, start: d.start, end: d.end };
        pairs.push({ module: span, name: m[1], version_: m[2] });
      }
    }
    if (pairs.length === 0) return;
    const related = (v: ConfValue, what: string) => [{ start: v.start, end: v.end, message: what, ...(v.uri ? { uri: v.uri, range: v.range } : {}) }];
    const names = new Set(pairs.map((p) => p.name));
    for (const conf of confs) {
      const n = conf.name;
      if (!n || !literal(n.text)) continue;
      if (!names.has(n.text)) {
        // several dkms.conf files may belong to several modules: only a single one is clearly this spec's
        if (confs.length !== 1 || !conf.beside) continue;
        const p = pairs[0];
        ctx.report({
          start: p.module.start,
          end: p.module.end,
          message: `The spec uses the module name ${p.name}, but ${conf.where} says PACKAGE_NAME=${n.text}: dkms reads the name from dkms.conf and fails with a mismatch (or looks in the wrong /usr/src directory)`,
          related: related(n, `PACKAGE_NAME=${n.text}`),
        });
        continue;
      }
      const v = conf.version;
      if (!v || !literal(v.text)) continue;
      const reported = new Set<string>();
      for (const p of pairs) {
        if (p.name !== n.text || p.version_ === undefined || p.version_ === v.text || reported.has(p.version_)) continue;
        reported.add(p.version_);
        const span = p.version ?? p.module;
        ctx.report({
          start: span.start,
          end: span.end,
          message: `The spec uses version ${p.version_} of ${p.name}, but ${conf.where} says PACKAGE_VERSION=${v.text}: dkms finds no module ${p.name}/${p.version_} (or registers the wrong one). Keep them in step, for example by substituting the version into dkms.conf with sed in %prep`,
          related: related(v, `PACKAGE_VERSION=${v.text}`),
        });
      }
    }
  },
});
