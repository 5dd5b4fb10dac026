import { commandName } from '../../shell';
import { specShellCommands } from '../../shell/specShell';
import type { SpecDocument } from '../../specfile/ast';
import { scopeOf } from '../../specfile/macroScope';
import { missingSection } from '../../specfile/requiredSections';
import { isArchiveFileName, SOURCE_REFERENCE, sourceEntries } from '../../specfile/sources';
import type { DistroId } from '../../types';
import { defineSpecRule } from '../types';

/** Commands that unpack an archive: doing that outside %prep is what %prep is for. */
const UNPACKERS = /^(?:\/usr\/bin\/)?(?:tar|bsdtar|unzip|7z|7za|gem|cpio|rpm2cpio|%\{?__tar\}?|%\{?__unzip\}?|%\{?__7zip\}?)$/;

/**
 * What a spec without %prep would need it for: a patch to apply, a build directory (`%{buildsubdir}`),
 * or an archive Source that is not used as a file (passed by `%{SOURCEn}` to a command other than an
 * unpacker, as appstream-data gives its icon tarball to appstream-util). A Source whose name does not
 * expand counts as a possible archive.
 */
function needsPrep(doc: SpecDocument, distro: DistroId): boolean {
  const entries = sourceEntries(doc);
  if (entries.some((e) => e.kind === 'patch')) return true;
  if (doc.macroReferences.some((r) => r.name === 'buildsubdir')) return true;
  let usedAsFile: Set<number> | undefined;
  for (const e of entries) {
    const name = scopeOf(doc, distro).expand(e.value, e.valueSpan.start).text.replace(/^.*\//, '');
    if (!name.includes('%') && !isArchiveFileName(name)) continue;
    usedAsFile ??= sourcesUsedAsFiles(doc);
    if (!usedAsFile.has(e.number)) return true;
  }
  return false;
}

/** Numbers of the Sources that a shell command other than an unpacker reads by `%{SOURCEn}`. */
function sourcesUsedAsFiles(doc: SpecDocument): Set<number> {
  const out = new Set<number>();
  for (const cmd of specShellCommands(doc)) {
    const name = commandName(cmd);
    if (!name || UNPACKERS.test(name.value)) continue;
    for (const w of cmd.words) for (const m of w.text.matchAll(SOURCE_REFERENCE)) out.add(Number(m[1] ?? m[2]));
  }
  return out;
}

/**
 * A complete spec without a %prep section that needs one: it has patches to apply or an archive
 * Source to unpack. Not reported for fragments (no Name tag), specs that %include other files, rpm
 * 4.20 declarative builds (BuildSystem:), which generate the section, and packages with nothing to
 * unpack (meta-packages, packages that install macro files or other plain Sources directly).
 */
export default defineSpecRule({
  id: 'no-%prep-section',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'The spec has no %prep section, but has sources to unpack or patches to apply',
  fixSafety: 'none',
  messages: {
    noPrepSection: 'The spec has no %prep section: sources are not unpacked and patches not applied; add %prep with %autosetup (or %setup -q)',
  },
  rpmlintId: 'no-%prep-section',
  check(ctx) {
    const anchor = missingSection(ctx.doc, 'prep');
    if (anchor && needsPrep(ctx.doc, ctx.distro)) ctx.report({ ...anchor, messageId: 'noPrepSection' });
  },
});
