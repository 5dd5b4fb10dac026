import type { SpecDocument } from '../../specfile/ast';
import { missingSection } from '../../specfile/requiredSections';
import { defineSpecRule } from '../types';

/** Commands that compile or configure (at the start of a command line; `make install` is not one). */
const COMPILE_COMMAND = /^(?:%\{?(?:configure|make_build|cmake|cmake_build|meson|meson_build|ninja_build|py3_build|py_build|pyproject_wheel|cargo_build|gobuild|qmake_qt5|qmake_qt6)(?![\w])|(?:\.\/configure|cmake|meson|gcc|g\+\+|cc|c\+\+|clang)(?![\w.+-])|(?:python3?|%\{?__python3\}?)\s+setup\.py\s+build|(?:go|cargo)\s+build)/;
const MAKE = /^(?:make|gmake|%\{?__make\}?)(?![\w.+-])(.*)$/;

/** The line compiles: a compile command, or make without an install target. */
function compiles(text: string): boolean {
  const command = text.trim().replace(/^(?:[A-Za-z_]\w*=(?:"[^"]*"|'[^']*'|\S*)\s+)+/, '');
  if (COMPILE_COMMAND.test(command)) return true;
  const make = MAKE.exec(command);
  return make !== null && !/(?:^|\s)install\S*/.test(make[1]);
}

/** The first line of %prep, %conf or %install that compiles, or undefined (tests built in %check are normal). */
function buildElsewhere(doc: SpecDocument): { section: string; line: number; text: string } | undefined {
  for (const s of doc.sections) {
    if (s.kind !== 'prep' && s.kind !== 'conf' && s.kind !== 'install') continue;
    for (let line = s.headerLine + 1; line <= s.endLine; line++) {
      const kind = doc.lineKinds[line];
      if (kind !== 'body' && kind !== 'macro-line') continue;
      const text = doc.lines.lineText(line);
      // A command continued on the next lines (`make … \` then `install`) is read whole.
      let command = text;
      for (let next = line; /\\\s*$/.test(doc.lines.lineText(next)) && next < s.endLine; next++) {
        command = command.replace(/\\\s*$/, ' ') + doc.lines.lineText(next + 1);
      }
      if (compiles(command)) return { section: s.name, line, text: text.trim() };
    }
  }
  return undefined;
}

/**
 * A complete spec without a %build section that compiles elsewhere (configure, cmake, meson, make
 * without an install target, a compiler, setup.py build, go/cargo build in %prep or %install): the
 * build belongs in %build. rpm does not require the section, so a spec that only copies files
 * (noarch data, scripts installed by `make install`, go2rpm source-only libraries, metapackages)
 * is not reported, unlike rpmlint; nor are tests compiled in %check. Nor are fragments (no Name
 * tag), specs that %include other files, rpm 4.20 declarative builds (BuildSystem:), which
 * generate the section, or a header written inside a macro (`%{?conf:%build}`).
 */
export default defineSpecRule({
  id: 'no-%build-section',
  category: 'build',
  defaultSeverity: 'information',
  description: 'The spec has no %build section but builds elsewhere',
  fixSafety: 'none',
  messages: {
    buildsElsewhere: "The spec has no %build section but builds in %{{section}} (line {{line}}: '{{command}}'): move the build to %build",
  },
  rpmlintId: 'no-%build-section',
  check(ctx) {
    const anchor = missingSection(ctx.doc, 'build');
    if (!anchor) return;
    const where = buildElsewhere(ctx.doc);
    if (!where) return;
    const command = where.text.length > 60 ? `${where.text.slice(0, 57)}…` : where.text;
    ctx.report({ ...anchor, messageId: 'buildsElsewhere', data: { section: where.section, line: where.line + 1, command } });
  },
});
