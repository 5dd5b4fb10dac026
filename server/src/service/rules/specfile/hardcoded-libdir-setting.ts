import { LIBDIR_SETTING_MESSAGES, LIBRARY_PATH_MESSAGES, checkLibraryPaths, type LibraryPathMessage } from './hardcoded-library-path';
import { defineSpecRule, type SpecRuleContext } from '../types';

/**
 * The library directory of a whole build set to a literal path: `--libdir=/usr/lib64`,
 * `-DCMAKE_INSTALL_LIBDIR=/usr/lib64`, `LIBDIR=/usr/lib`, `%define _libdir /usr/lib64`. Unlike a
 * single hard-coded path (hardcoded-library-path, information), this puts every library of the
 * package in the wrong place on the other architectures, so it is a warning. Same scan, same
 * exemptions (%ifarch arms, ExclusiveArch, noarch packages).
 */
export default defineSpecRule({
  id: 'hardcoded-libdir-setting',
  category: 'paths',
  defaultSeverity: 'warning',
  description: 'The library directory of the build is set to a literal path (--libdir=/usr/lib64, -DCMAKE_INSTALL_LIBDIR=/usr/lib, %define _libdir /usr/lib64) instead of %{_libdir}',
  fixSafety: 'unsafe',
  messages: {
    libAsLibdir: LIBRARY_PATH_MESSAGES.libAsLibdir,
    lib64AsLibdir: LIBRARY_PATH_MESSAGES.lib64AsLibdir,
    libdirRedefined: LIBRARY_PATH_MESSAGES.libdirRedefined,
  },
  requires: ['/lib', '_lib ', '_lib\t'],
  check(ctx) {
    checkLibraryPaths(ctx as SpecRuleContext<LibraryPathMessage>, (id) => LIBDIR_SETTING_MESSAGES.has(id));
  },
});
