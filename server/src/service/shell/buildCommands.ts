// Knowledge about build-tool commands in a spec's build sections, shared by the build rules.
import type { SpecDocument } from '../specfile/ast';
import { cachedPerParse } from '../perParse';
import { commandName } from './commands';
import { specShellCommands } from './specShell';

/** `make`, `gmake`, `%{__make}`, `%__make`, `$MAKE`, `${MAKE}`. */
export function isMakeCommand(name: string | undefined): boolean {
  return name !== undefined && /^(?:g?make|%\{__make\}|%__make|\$\{?MAKE\}?)$/.test(name);
}

/** Text that names the build root: `%{buildroot}`, `%buildroot`, `$RPM_BUILD_ROOT`, `${RPM_BUILD_ROOT}`. */
export const BUILDROOT_REFERENCE = /%\{?\??buildroot\}?|\$\{?RPM_BUILD_ROOT\}?/;

/** qmake as a command: `qmake`, `qmake-qt5`, `qmake6`, `%qmake5`, `%{qmake_qt5}`, `%{_qt5_qmake}`, `/usr/lib64/qt5/bin/qmake`. */
export function isQmakeName(name: string): boolean {
  return /^(?:qmake(?:-qt[3-6]|[3-6])?|%\{?\??(?:qmake[3-6]?|qmake_qt[3-6]|_qt[3-6]_qmake|qt[3-6]_qmake|__qmake)\}?|\S*\/qmake(?:-qt[3-6]|[3-6])?)$/.test(name);
}

/** True when the spec's build sections call qmake (cached per parse). */
export const usesQmake = cachedPerParse((doc: SpecDocument): boolean =>
  specShellCommands(doc, ['build', 'conf', 'install']).some((cmd) => {
    const name = commandName(cmd)?.value;
    return name !== undefined && isQmakeName(name);
  }),
);
