import type { DkmsValue } from '../../dkms/ast';
import { readKbuild, type KbuildInfo } from '../../dkms/kbuild';
import { defineDkmsRule } from '../types';
import { makeTargets, recipeLines, sourceTree, topMakefile } from './_sourceTree';

/** What in a command writes into the live module tree, and how to say it. */
interface Install {
  index: number;
  length: number;
  what: string;
}

/** Installs into /lib/modules of the running system: modules_install without INSTALL_MOD_PATH, depmod, a copy into /lib/modules. */
function installsIn(command: string): Install[] {
  const out: Install[] = [];
  if (!/\bINSTALL_MOD_PATH\s*=/.test(command)) {
    for (const m of command.matchAll(/(?<![\w-])modules_install\b/g)) out.push({ index: m.index!, length: m[0].length, what: 'make modules_install (without INSTALL_MOD_PATH) installs the modules into /lib/modules' });
  }
  for (const m of command.matchAll(/(?<![\w/.-])(?:\/s?bin\/|\/usr\/s?bin\/)?depmod\b/g)) out.push({ index: m.index!, length: m[0].length, what: 'depmod rewrites the live modules.dep' });
  // cp/install/mv/ln … /lib/modules/… (not $(DESTDIR)/lib/modules or $(INSTALL_MOD_PATH)/lib/modules: staged)
  for (const m of command.matchAll(/\b(cp|install|mv|ln|rsync)\b[^;&|\n]*?(?<![\w)}])(\/lib\/modules\b|\/usr\/lib\/modules\b)/g)) {
    out.push({ index: m.index!, length: m[0].length, what: `${m[1]} into ${m[2]} writes into the live module tree` });
  }
  return out;
}

const WHY =
  'dkms installs the built modules itself (dkms install copies them to /lib/modules/$kernelver/ and DEST_MODULE_LOCATION, runs depmod, and takes them out again on uninstall or remove); files the build writes into /lib/modules are not tracked by dkms or the package, stay behind on removal and may land in the wrong kernel\'s tree';

export default defineDkmsRule({
  id: 'dkms-make-installs-modules',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'A MAKE command installs into the live /lib/modules tree (modules_install, depmod, a copy) although dkms installs the modules itself',
  fixSafety: 'none',
  requires: ['MAKE'],
  messages: {
    direct: `This MAKE command installs into the live system ({{what}}): ${WHY}. Build only and let dkms install`,
    viaMakefile: `This MAKE command runs the target {{goal}} of {{file}}, whose recipe installs into the live system ({{file}} line {{line}}: {{what}}): ${WHY}. Build only (the modules target) and let dkms install`,
  },
  check(ctx) {
    const doc = ctx.doc;
    const tree = sourceTree(ctx);
    // make without -C reads GNUmakefile, makefile or Makefile in the build directory (not Kbuild)
    const top = topMakefile(tree);
    let topInfo: KbuildInfo | undefined;
    for (const a of doc.assignments) {
      if (a.name !== 'MAKE') continue;
      for (const v of a.values) {
        const direct = installsIn(v.text);
        if (direct.length > 0) {
          report(v, direct[0].what);
          continue;
        }
        if (!top) continue;
        const targets = makeTargets(v.text);
        if (!targets) continue;
        topInfo ??= readKbuild(top.doc.text);
        const info = topInfo;
        const goals = targets.length > 0 ? targets : info.defaultGoal ? [info.defaultGoal] : [];
        for (const goal of goals) {
          const hit = recipeLines(info, goal).map((l) => ({ l, found: installsIn(l.text) })).find((x) => x.found.length > 0);
          if (!hit) continue;
          const lineText = top.doc.text.split(/\r?\n/)[hit.l.line] ?? '';
          ctx.report({
            start: v.start,
            end: v.end,
            messageId: 'viaMakefile',
            data: { goal, file: top.path, line: hit.l.line + 1, what: hit.found[0].what },
            related: [{ start: 0, end: 0, uri: top.doc.uri, range: { start: { line: hit.l.line, character: 0 }, end: { line: hit.l.line, character: lineText.length } }, message: `the ${goal} target installs here` }],
          });
          break;
        }
      }
    }

    function report(v: DkmsValue, what: string) {
      ctx.report({ start: v.start, end: v.end, messageId: 'direct', data: { what } });
    }
  },
});
