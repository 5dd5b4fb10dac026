import { defineSpecRule } from '../types';

/** Debian-style versioned compiler names that rpm distributions do not ship. */
const VERSIONED = /^(gcc|g\+\+|gcc-c\+\+|gfortran|gcc-gfortran|clang|clang\+\+|cpp)-(\d+(?:\.\d+)*)$/;

const INSTEAD: Record<string, string> = {
  'gcc': 'gcc', 'cpp': 'cpp', 'g++': 'gcc-c++', 'gcc-c++': 'gcc-c++', 'gfortran': 'gcc-gfortran', 'gcc-gfortran': 'gcc-gfortran',
  'clang': 'clang', 'clang++': 'clang',
};

/**
 * `BuildRequires: gcc-4.8`, `g++-10`, `clang-11`: Debian/Ubuntu package names. Fedora, RHEL,
 * openSUSE and Mageia call the compilers gcc, gcc-c++, gcc-gfortran and clang (versioned
 * compilers there are gccNN / gcc-toolset-NN-gcc, which are not reported).
 */
export default defineSpecRule({
  id: 'versioned-compiler-buildrequires',
  category: 'dependencies',
  defaultSeverity: 'warning',
  description: 'BuildRequires names a compiler the Debian way (gcc-4.8, g++-10, clang-11)',
  fixSafety: 'unsafe',
  messages: {
    versionedCompiler: 'No rpm distribution ships "{{name}}": require {{instead}} (with {{instead}} >= {{version}} if the version matters)',
  },
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      if (tag.key !== 'buildrequires' || !tag.dependencies) continue;
      for (const dep of tag.dependencies) {
        if (dep.rich) continue;
        const m = VERSIONED.exec(dep.name);
        if (!m) continue;
        const family = m[1];
        const instead = INSTEAD[family];
        ctx.report({
          start: dep.nameSpan.start,
          end: dep.nameSpan.end,
          messageId: 'versionedCompiler', data: { name: dep.name, instead, version: m[2] },
          fixes: [{ title: `Replace with ${instead}`, edits: [{ start: dep.nameSpan.start, end: dep.nameSpan.end, newText: instead }] }],
        });
      }
    }
  },
});
