// Which file names are dkms.conf files, and which of them are templates that a build step fills in
// (so `@VAR@` and `#MODULE_VERSION#` placeholders are expected, not unsubstituted values).
//
//   dkms.conf, <name>.dkms.conf, dkms-<name>.conf       the file dkms reads (or a copy of it)
//   dkms.conf.in, dkms-<name>.conf.in, ….tmpl/.template  templates (autotools, CMake, make)
//   debian/<package>.dkms                                dh_dkms's template (#MODULE_VERSION#)

const BASE_RE = /^(?:dkms\.conf|[^/\\]+\.dkms\.conf|dkms-[^/\\]+\.conf)$/i;
const TEMPLATE_SUFFIX_RE = /\.(?:in|tmpl|template|cmake)$/i;

function baseName(path: string): string {
  return path.replace(/[?#].*$/, '').replace(/^.*[\\/]/, '');
}

/** The file is Debian's debian/<package>.dkms (dh_dkms installs it as dkms.conf). */
export function isDebianDkmsFile(path: string): boolean {
  return /(?:^|[\\/])debian[\\/][^/\\]+\.dkms$/i.test(path.replace(/[?#].*$/, ''));
}

/** A path (or file: URI) names a dkms.conf or one of its templates. */
export function isDkmsConfName(path: string): boolean {
  const base = baseName(path);
  return BASE_RE.test(base) || BASE_RE.test(base.replace(TEMPLATE_SUFFIX_RE, '')) || isDebianDkmsFile(path);
}

/** A dkms.conf template: its placeholders are filled in before dkms reads it. */
export function isDkmsTemplateName(path: string): boolean {
  const base = baseName(path);
  return (TEMPLATE_SUFFIX_RE.test(base) && BASE_RE.test(base.replace(TEMPLATE_SUFFIX_RE, ''))) || isDebianDkmsFile(path);
}
