import { isRegeneratedSpec } from '../../specfile/generator';
import { isKnownMacro } from '../../specfile/macroUse';
import { defineSpecRule } from '../types';

/** Inputs read by other macros (forge, Go, Python, Rust, kmod, SUSE multi-python, …): defined to be read elsewhere. */
const MACRO_INPUTS = new Set([
  'forgeurl', 'forgesource', 'forgesetupargs', 'commit', 'tag', 'date', 'version0', 'archivename', 'archiveext', 'archiveurl',
  'topdir', 'scm', 'extractdir', 'repo', 'owner', 'shortcommit', 'goipath', 'goipaths', 'goname', 'gourl', 'gocommit',
  'gotag', 'goaltipaths', 'gocompilerflags', 'gofiles', 'golicenses', 'godocs', 'godocsex', 'golicensesex', 'gosupfiles',
  'goipathsex', 'godevelheader', 'godevelsummary', 'godevelname', 'gosource', 'goversion', 'pypi_name', 'pypi_version',
  'crate', 'crate_version', 'real_crate', 'cargo_install_lib', 'cargo_install_bin', 'kmod_name', 'kernels',
  'buildforkernels', 'pythons', 'python_subpackage_only', 'skip_python2', 'skip_python3', 'flavor', 'psuffix',
  'npm_name', 'gem_name', 'pecl_name', 'pear_name', 'ini_name', 'ext_name', 'php_extdir', 'srcname', 'debug_package',
  'py3_shebang_flags', 'py_shebang_flags', 'qt_module', 'rhel', 'fedora', 'suse_version', 'sle_version', 'is_opensuse',
  'mageia', 'mdkversion', 'el7', 'el8', 'el9', 'el10', 'autorelease', 'baserelease', 'sysusers_requires_compat',
  // Read by distribution tooling rather than by the spec: build flags, Photon's checksums, Mageia's spec-helper.
  'toolchain', 'security_hardening', 'sha1', 'sha256', 'sha512', 'keepstatic', 'skip_post_check_so', 'foundry', 'gotest',
  'subrel', 'pkg_module', 'ExtraBuildRequires',
  // kmodtool (akmods) reads it into the akmod package's BuildRequires.
  'AkmodsBuildRequires',
  // %forgemeta/%gometa read it into the release and source names (`%global distprefix %{nil}`).
  'distprefix',
  // redhat-rpm-config reads it into the C compiler flags (which -Werror=… type-safety errors apply).
  'build_type_safety_c',
  // sblim-cmpi-devel's %sblim_pre/%sblim_post/%sblim_preun (macros.sblim-cmpi-devel, Fedora
  // src.fedoraproject.org/rpms/sblim-cmpi-devel) pass them to provider-register.sh as -m/-r: the
  // scriptlets they replaced read `provider-register.sh -r %{REGISTRATION} -m %{SCHEMA}`.
  'SCHEMA', 'REGISTRATION',
  // Fedora's octave macros (macros.octave, octave-devel) read it in %octpkgdir, %octpkglibdir,
  // %octave_pkg_build, %octave_pkg_install, %octave_pkg_check, %octave_pkg_preun
  // (`%octpkgdir %{octprefix}/%{octpkg}-%{version}`; src.fedoraproject.org/rpms/octave).
  'octpkg',
  // go-rpm-macros' %gobuild puts it into -ldflags (`%global currentgoldflags %{nil}` drops the -X version strings).
  'currentgoldflags',
  // python-rpm-macros' %py3_build/%py3_install (`%{?py_setup_args}`), ghc-rpm-macros' %cabal_configure
  // (`%{?cabal_configure_options}`), redhat-rpm-config's add-determinism step (`%{?add_determinism_options}`),
  // zig-rpm-macros' %zig_build (`%{zig_build_options}`).
  'py_setup_args', 'cabal_configure_options', 'add_determinism_options', 'zig_build_options',
]);

/**
 * Snapshot bookkeeping of source templates: the date, tag, owner or URL of an upstream snapshot
 * (Remi Collet's PHP template writes `%global gh_date …` in every spec and reads it only in the
 * snapshot form of Release; 39 of the 40 Fedora specs that define gh_date never read it), and the
 * source-mode switches of templates that build from a release or a git checkout (`use_git`,
 * `use_gitbare`). Kept on purpose for the next snapshot update: not reported.
 */
const SNAPSHOT_METADATA = /^(?:gh_(?:date|short|owner|project|commit)|(?:git|commit|snapshot|snap)_?date|git_?(?:tag|user|url|long|version)\d*|snap(?:shot)?_?rev\w*|use_git\w*|use_release)$/;

/**
 * Prefixes of names read by macro families (Fedora fonts: `%fontpkg` reads fontfamily, fontsummary …;
 * ghc-rpm-macros read ghc_debuginfo, ghc_without_dynamic …; the Rust macros build RUSTFLAGS from
 * rustflags_debuginfo, rustflags_codegen_units, rustflags_opt_level; gap-devel's %gap_copy_docs,
 * %gap_check … read gap_pkgname, gap_skip_docs, gap_skip_check, gap_makedoc).
 */
const INPUT_PREFIXES = /^(?:font|go|forge|cargo_|pypi_|python_|ghc_|gap_|mingw_build_|rustflags_)/;

/** `%forgemeta -a` reads every numbered source's inputs: forgeurl0, tag3, commit12, version0 … */
const NUMBERED_FORGE_INPUTS = new Set([
  'forgeurl', 'forgesource', 'forgesetupargs', 'commit', 'tag', 'date', 'version', 'archivename', 'archiveext', 'archiveurl',
  'topdir', 'scm', 'extractdir', 'repo', 'owner', 'shortcommit', 'distprefix',
]);

/** Name parts a spec builds macro names from: `%{summary_%{flavour}}` → prefix `summary_`, `%{%{name}_libs}` → suffix `_libs`. */
function constructedNameParts(text: string): { prefixes: string[]; suffixes: string[] } {
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  let m: RegExpExecArray | null;
  const pre = /%%?\{[?!]*([A-Za-z_][A-Za-z0-9_]*)%/g;
  while ((m = pre.exec(text))) prefixes.push(m[1]);
  const suf = /%\{[^{}]*\}([A-Za-z0-9_]+)\}/g;
  while ((m = suf.exec(text))) suffixes.push(m[1]);
  // Lua building a name by concatenation: rpm.expand("%{?subdir" .. i .. "}"), macros["patch" .. n].
  const lua = /(?:%\{[?!]*|macros\s*\[\s*)["']?([A-Za-z_][A-Za-z0-9_]*)["']\s*\.\./g;
  while ((m = lua.exec(text))) prefixes.push(m[1]);
  return { prefixes, suffixes };
}

/**
 * A `%global`/`%define` whose name appears nowhere else in the spec: not as a macro, not inside
 * `%{expand:}`/`%{lua:}` text, not guarded `%{?name}`. Names rpm or macro packages read
 * themselves (`_*`, `__*`, known macros, `with_*`, forge/Go/Python/Rust/font inputs), names the
 * spec may build at expansion time (`%{summary_%{flavour}}` makes every `summary_*` used) are not
 * reported, nor is anything when the spec includes other files.
 */
export default defineSpecRule({
  id: 'unused-macro',
  category: 'macros',
  defaultSeverity: 'off',
  description: 'A %global or %define is never used in the spec',
  fixSafety: 'none',
  messages: {
    neverUsed: '%{{keyword}} {{name}} is never used',
  },
  tags: ['unnecessary'],
  check(ctx) {
    const { doc } = ctx;
    if (doc.includes.length > 0 || doc.isTemplate) return;
    // Definitions a generator writes into every spec (TeX Live's tl_version, the COSMIC scripts'
    // cosmic_minver) are its boilerplate: removing them by hand is undone at the next regeneration.
    if (isRegeneratedSpec(doc)) return;
    const reported = new Set<string>();
    const constructed = constructedNameParts(doc.text);
    for (const def of doc.macroDefinitions) {
      if (def.keyword !== 'global' && def.keyword !== 'define') continue;
      const name = def.name;
      if (reported.has(name) || name.startsWith('_') || /^with(?:out)?_/.test(name) || MACRO_INPUTS.has(name) || isKnownMacro(name)) continue;
      if (INPUT_PREFIXES.test(name) || SNAPSHOT_METADATA.test(name)) continue;
      if (/\d$/.test(name) && NUMBERED_FORGE_INPUTS.has(withoutTrailingDigits(name))) continue;
      if (constructed.prefixes.some((p) => name.startsWith(p)) || constructed.suffixes.some((x) => name.endsWith(x))) continue;
      if (doc.macroReferences.some((r) => r.name === name)) continue;
      // Anywhere else as a word (lua `macros.name`, rpm.expand("%name"), `%%name` in expand bodies, other definitions).
      const word = new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`, 'g');
      let used = false;
      let m: RegExpExecArray | null;
      while ((m = word.exec(doc.text))) {
        if (m.index >= def.nameSpan.start && m.index < def.nameSpan.end) continue;
        // Another definition of the same name is not a use.
        const other = doc.macroDefinitions.find((d) => d !== def && d.name === name && m!.index >= d.nameSpan.start && m!.index < d.nameSpan.end);
        if (other) continue;
        used = true;
        break;
      }
      if (used) continue;
      reported.add(name);
      ctx.report({
        start: def.nameSpan.start,
        end: def.nameSpan.end,
        messageId: 'neverUsed', data: { keyword: def.keyword, name },
      });
    }
  },
});

/** `forgeurl0` → `forgeurl` (a loop: `/\d+$/` backtracks quadratically on long digit runs). */
function withoutTrailingDigits(name: string): string {
  let end = name.length;
  while (end > 0 && name.charCodeAt(end - 1) >= 48 && name.charCodeAt(end - 1) <= 57) end--;
  return name.slice(0, end);
}
