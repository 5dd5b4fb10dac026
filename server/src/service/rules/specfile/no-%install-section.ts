import type { SpecDocument } from '../../specfile/ast';
import { FILES_DIRECTIVE, filesLineWords } from '../../specfile/paths';
import { missingSection } from '../../specfile/requiredSections';
import { defineSpecRule } from '../types';

/** Directives whose relative entries rpm copies from the build directory itself (`%doc README`). */
const FROM_BUILD_DIR = /^%(?:doc|license|readme)$/;

/**
 * Whether some %files section lists something %install would have to put into the build root: a
 * file list (`%files -f`) or an entry other than a relative `%doc`/`%license` file, which rpm
 * copies from the build directory on its own. Meta-packages (an empty `%files`, only
 * `%defattr`) and documentation packages (`%doc faq html`) need no %install.
 */
function hasFilesToInstall(doc: SpecDocument): boolean {
  for (const section of doc.sections) {
    if (section.kind !== 'files') continue;
    if (section.options.some((o) => o.flag === '-f')) return true;
    for (let l = section.headerLine + 1; l <= section.endLine; l++) {
      if (doc.lineKinds[l] !== 'body' && doc.lineKinds[l] !== 'macro-line') continue;
      const line = doc.text.slice(doc.lines.lineStarts[l], doc.lines.lineEnd(l));
      let fromBuildDir = false;
      for (const { word } of filesLineWords(line)) {
        if (FROM_BUILD_DIR.test(word)) fromBuildDir = true;
        if (FILES_DIRECTIVE.test(word)) continue;
        const path = word.replace(/^"|"$/g, '');
        if (!fromBuildDir || path.startsWith('/') || path.startsWith('%') || path.startsWith('$')) return true;
      }
    }
  }
  return false;
}

/** Installation macros (`%pyproject_install`, `%make_install`, `%cmake_install`…) and the build root itself. */
const INSTALLS = /^(?:[A-Za-z0-9_]*_install|buildroot)$/;

/**
 * The first line of another build section that installs into the build root (python-openant runs
 * `%pyproject_install` at the end of %build): the packages are not empty then, the message must not say so.
 */
function installOutsideInstall(doc: SpecDocument): { section: string; line: number } | undefined {
  for (const r of doc.macroReferences) {
    if (!INSTALLS.test(r.name)) continue;
    const line = doc.lines.lineOf(r.start);
    const section = doc.sections[doc.lineSection[line]];
    if (section?.kind === 'build' || section?.kind === 'prep' || section?.kind === 'conf') return { section: section.name, line };
  }
  return undefined;
}

/**
 * A complete spec without a %install section whose %files lists something to install. Not reported
 * for fragments (no Name tag), specs that %include other files, rpm 4.20 declarative builds
 * (BuildSystem:), which generate the section, meta-packages with empty %files, and packages whose
 * only files are relative %doc/%license entries (rpm copies those from the build directory).
 */
export default defineSpecRule({
  id: 'no-%install-section',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'The spec has no %install section',
  fixSafety: 'none',
  messages: {
    noInstallSection: 'The spec has no %install section: nothing is installed into the build root, so the packages will be empty',
    installsElsewhere: 'The spec has no %install section: %{{section}} installs into the build root instead (line {{line}}), which works only because no %install runs to empty the build root first; move the installation into %install',
  },
  rpmlintId: 'no-%install-section',
  check(ctx) {
    const anchor = missingSection(ctx.doc, 'install');
    if (!anchor || !hasFilesToInstall(ctx.doc)) return;
    const elsewhere = installOutsideInstall(ctx.doc);
    if (elsewhere) ctx.report({ ...anchor, messageId: 'installsElsewhere', data: { section: elsewhere.section, line: String(elsewhere.line + 1) } });
    else ctx.report({ ...anchor, messageId: 'noInstallSection' });
  },
});
