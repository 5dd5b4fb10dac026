import { defineSpecRule } from '../types';
import { BUILDROOT_WORDS, buildrootUses } from './_buildrootUses';

const SECTIONS = new Set(['prep', 'build']);

/**
 * Variables that name where something is read from, not where it is installed: the build root
 * there is read while it is still empty.
 */
const SEARCH_PATHS = /^(?:PATH|PYTHONPATH|PERL5LIB|PERLLIB|RUBYLIB|NODE_PATH|CLASSPATH|GOPATH|CPATH|LIBRARY_PATH|LD_LIBRARY_PATH|LD_RUN_PATH|PKG_CONFIG_PATH|GI_TYPELIB_PATH|QT_PLUGIN_PATH|QML2_IMPORT_PATH|XDG_DATA_DIRS)$/;

/**
 * The build root handed on as an install destination, the idiom of build systems that fix it at
 * configure time: the value of a setting named for a place (`PREFIX=%{buildroot}%{_prefix}`,
 * `INSTALL_ROOT=$RPM_BUILD_ROOT`, `--with-fontdir=…`, `-DSWORD_PYTHON_INSTALL_ROOT=…`,
 * `--install-dir %{buildroot}…`, `--install-lib %{buildroot}%{_libdir}`) or text a sed writes into
 * a build file (`s|/usr/local|%{buildroot}%{_prefix}|`, also in a `-e` on a continuation line).
 * The later install step reads it again, so it works.
 */
function installDestination(code: string, index: number): boolean {
  const before = code.slice(0, index);
  const setting = /(?:^|[\s'"(;{])(?:-[sD]|--?)?([A-Za-z_][\w.-]*)\s*=\s*["']?$/.exec(before);
  if (setting) return /prefix|dir|dest|root|path|install/i.test(setting[1]) && !SEARCH_PATHS.test(setting[1]);
  // `--install-dir %{buildroot}…`: the word before is an option named for a place
  const words = before.replace(/["']$/, '').trimEnd();
  const option = words.slice(Math.max(words.lastIndexOf(' '), words.lastIndexOf('\t')) + 1);
  if (words.length < before.replace(/["']$/, '').length && /^--[\w-]+$/.test(option) && /prefix|dir|dest|root|install/i.test(option)) return true;
  // a sed script, also on a continuation line of the sed command (`-e "s|…|…|"`, `--expression='s|…|'`)
  return /(?:^|[\s;|&])sed\s|(?:^|\s)(?:-e\s*|--expression=)["']?s(.).*\1/.test(before);
}

/**
 * The build root in %prep or %build: rpm empties it before %install, so what is written there is
 * lost, and a path into it compiled in or written to a config file points nowhere on the installed
 * system. The build root handed on as an install destination (`PREFIX=%{buildroot}%{_prefix}`, a
 * sed that writes it into a Makefile) is not reported: the later install uses it, which works; on
 * Fedora 7 of 10 findings read were that idiom (docs/precision.md). What remains reads the empty
 * build root (`-I$RPM_BUILD_ROOT%{_includedir}`, `PYTHONPATH=%{buildroot}…`, `rm -rf %{buildroot}/docs`
 * in %prep). Escaped
 * forms and comments are not reported; install-time scriptlets are buildroot-in-scriptlet's.
 */
export default defineSpecRule({
  id: 'rpm-buildroot-usage',
  category: 'correctness',
  defaultSeverity: 'information',
  description: 'The build root is used in %prep or %build',
  fixSafety: 'none',
  messages: {
    buildrootOutsideInstall: 'The build root is used in %{{section}}: rpm empties it before %install, so a path into it only works if the install step uses it again; set install destinations in %install{{more}}',
  },
  requires: BUILDROOT_WORDS,
  rpmlintId: 'rpm-buildroot-usage',
  check(ctx) {
    for (const f of buildrootUses(ctx, SECTIONS, installDestination)) {
      ctx.report({ start: f.start, end: f.end, messageId: 'buildrootOutsideInstall', data: { section: f.section, more: f.more } });
    }
  },
});
