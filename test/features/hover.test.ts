// Hover through the service, with `|` cursor fixtures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeProfile, type ProfileLike } from '../../server/src/service/catalog/profile';
import { cursorDoc, service, textAt } from './util';

const PREAMBLE = 'Name: hello\nVersion: 1.0\nRelease: 1%{?dist}\nSummary: Hi\nLicense: MIT\n';

function hover(source: string, options: Parameters<typeof cursorDoc>[1] & { distro?: ProfileLike } = {}) {
  const c = cursorDoc(source, options);
  const h = service.hover(c.doc, c.position, { distro: options.distro ?? 'fedora' });
  return { c, h, value: h?.contents.value ?? '', token: h?.range ? textAt(c, h.range) : undefined };
}

describe('hover: macros', () => {
  it('shows description, the active expansion and values in every profile', () => {
    const { value, token } = hover(`${PREAMBLE}%files\n%{_pkg|docdir}/README\n`);
    assert.equal(token, '_pkgdocdir');
    assert.match(value, /\*\*%_pkgdocdir\*\*/);
    assert.match(value, /on Fedora/);
  });

  it('tells that py_sitedir is openSUSE-style and what Fedora uses instead', () => {
    const { value, token } = hover(`${PREAMBLE}%files\n%{py_si|tedir}/foo\n`);
    assert.equal(token, 'py_sitedir');
    assert.match(value, /Not defined on Fedora 45 \(defined on openSUSE\)/);
    assert.match(value, /\*\*Prefer\*\* `%\{python3_sitearch\}`/);
    assert.match(value, /\/usr\/lib64\/python3\.\d+\/site-packages/);
    assert.match(value, /\| Profile \| Value \|/);
    assert.match(value, /\| openSUSE \| `\/usr\/lib64\/python2\.7\/site-packages` \|/);
  });

  it('shows the value of the active profile in bold in the table', () => {
    const { value } = hover(`${PREAMBLE}%if 0%{?suse_ve|rsion}\n%endif\n`, { distro: 'opensuse' });
    assert.match(value, /`1699` on Tumbleweed/);
    assert.match(value, /\| \*\*Tumbleweed\*\* \| `1699` \|/);
    assert.match(value, /\| Leap 15\.6 \| `1500` \|/);
    assert.match(value, /\| Fedora 45 \| \*undefined\* \|/);
  });

  it('reads the selected release: %dist on EL 8, %suse_version on Leap, one row per release', () => {
    const el8 = hover(`${PREAMBLE}Release: 1%{?di|st}\n`, { distro: 'rhel-8' }).value;
    assert.match(el8, /`\.el8` on EL 8/);
    assert.match(el8, /\| \*\*EL 8\*\* \| `\.el8` \|/);
    assert.match(el8, /\| EL 10 \| `\.el10` \|/);
    assert.match(el8, /\| Fedora Rawhide \| `\.fc46` \|/);
    const leap = hover(`${PREAMBLE}%if 0%{?suse_ve|rsion}\n%endif\n`, { distro: 'opensuse-leap-15.6' }).value;
    assert.match(leap, /`1500` on Leap 15\.6/);
  });

  it('shows a project macro (specwright.json define, macro files) with its origin', () => {
    const profile = makeProfile('fedora', [{ name: 'myprefix', body: '/opt/%{name}', origin: 'macros.acme line 3' }]);
    const { value } = hover(`${PREAMBLE}%files\n%{mypre|fix}/bin\n`, { distro: profile });
    assert.match(value, /defined by the project: macros\.acme line 3/);
    assert.match(value, /`%myprefix \/opt\/%\{name\}`/);
  });

  it('shows where a file macro is defined, its body and its expansion', () => {
    const { value, token } = hover(`%global gittag v%{version}\n${PREAMBLE}Source0: https://x.org/%{git|tag}.tar.gz\n`);
    assert.equal(token, 'gittag');
    assert.match(value, /defined in this file/);
    assert.match(value, /line 1: `%global gittag v%\{version\}`/);
    assert.match(value, /Expands to `v1\.0`/);
  });

  it('hovers the name of a definition', () => {
    const { value, token } = hover(`%global forge|url https://example.org\n${PREAMBLE}`);
    assert.equal(token, 'forgeurl');
    assert.match(value, /line 1/);
  });

  it('says when a file definition overrides a distribution macro', () => {
    const { value } = hover(`%global _hard|ened_build 1\n${PREAMBLE}`);
    assert.match(value, /Overrides/);
  });

  it('shows the file\'s value of spec-derived macros such as %{version}', () => {
    const { value } = hover(`${PREAMBLE}Source0: x-%{vers|ion}.tgz\n`);
    assert.match(value, /In this file: `1\.0`/);
    assert.match(value, /Specwright catalog/);
  });

  it('hovers plain %name references and unknown macros', () => {
    assert.equal(hover(`${PREAMBLE}%build\n%cmake_bui|ld\n`).token, 'cmake_build');
    assert.match(hover(`${PREAMBLE}%build\n%{my_unkn|own_macro}\n`).value, /Not defined in this file and unknown/);
  });

  it('hovers build conditionals in %{with …} and %bcond', () => {
    const src = `%bcond_without docs\n${PREAMBLE}%if %{with do|cs}\n%endif\n`;
    const { value, token } = hover(src);
    assert.equal(token, 'docs');
    assert.match(value, /Build conditional `docs`/);
    assert.match(value, /By default: enabled/);
    assert.match(hover(`%bcond_with te|sts\n${PREAMBLE}`).value, /By default: disabled/);
  });

  it('keeps the hovered range right after non-ASCII text in a CRLF file', () => {
    const { token, h } = hover(`${PREAMBLE}%description\nÜbersetzung 日本語 😀 %{_li|bdir}\n`, { crlf: true });
    assert.equal(token, '_libdir');
    assert.equal(h!.range!.start.character, 'Übersetzung 日本語 😀 %{'.length);
  });
});

describe('hover: spec keywords', () => {
  it('hovers tags with their qualifiers', () => {
    const { value, token } = hover(`${PREAMBLE}Requi|res(post): systemd\n`);
    assert.equal(token, 'Requires');
    assert.match(value, /Run-time dependencies/);
    assert.match(value, /`Requires\(post\)`/);
  });

  it('hovers obsolete tags with their replacement', () => {
    assert.match(hover(`${PREAMBLE}Copy|right: GPL\n`).value, /Use `License` instead/);
  });

  it('hovers sections with their options', () => {
    const { value, token } = hover(`${PREAMBLE}%description\nx\n%fil|es -f list\n`);
    assert.equal(token, '%files');
    assert.match(value, /`-f file`/);
    assert.match(hover(`${PREAMBLE}%description\nx\n%po|st\n`).value, /\$1/);
  });

  it('hovers conditional keywords', () => {
    assert.match(hover(`${PREAMBLE}%ifar|ch x86_64\n%endif\n`).value, /\*\*%ifarch\*\*/);
    assert.match(hover(`${PREAMBLE}%if 1\n%end|if\n`).value, /Closes a conditional block/);
  });

  it('hovers dependency operators and rich-dependency keywords', () => {
    const op = hover(`${PREAMBLE}Requires: foo >|= 1.2\n`);
    assert.equal(op.token, '>=');
    assert.match(op.value, /newer than or equal/);
    const rich = hover(`${PREAMBLE}Requires: (foo i|f bar)\n`);
    assert.equal(rich.token, 'if');
    assert.match(rich.value, /rich dependency/);
  });

  it('hovers dkms subcommands and options in scriptlets', () => {
    const sub = hover(`${PREAMBLE}%post\ndkms ad|d -m foo -v 1.0 --rpm_safe_upgrade\n`);
    assert.equal(sub.token, 'add');
    assert.match(sub.value, /dkms add/);
    const opt = hover(`${PREAMBLE}%post\ndkms add -m foo -v 1.0 --rpm_sa|fe_upgrade\n`);
    assert.equal(opt.token, '--rpm_safe_upgrade');
    assert.equal(hover(`${PREAMBLE}%description\ndkms ad|d\n`).h, undefined);
  });

  it("hovers dkms's common.postinst in scriptlets with what dkms 3.0.10's script does", () => {
    const h = hover(`${PREAMBLE}%post\nif [ -x /usr/lib/dkms/common.postinst ]; then\n  /usr/lib/dkms/common.post|inst foo %{version} || :\nfi\n`);
    assert.equal(h.token, '/usr/lib/dkms/common.postinst');
    assert.match(h.value, /`dkms add` \*\*without `--rpm_safe_upgrade`\*\*/);
    assert.match(h.value, /running kernel and the newest kernel it finds/);
    assert.match(h.value, /exits with `dkms build`'s status when a build fails/);
    // only the command name, only in scriptlets
    assert.equal(hover(`${PREAMBLE}%post\n/usr/lib/dkms/common.postinst fo|o 1.0\n`).h, undefined);
    assert.equal(hover(`${PREAMBLE}%description\n/usr/lib/dkms/common.post|inst foo 1.0\n`).h, undefined);
  });

  it('hovers SourceN with its expanded URL and use count', () => {
    const { value } = hover(`${PREAMBLE}Sour|ce1: https://x.org/%{name}-%{version}.tgz\n%install\ncp %{SOURCE1} .\n`);
    assert.match(value, /Expands to `https:\/\/x\.org\/hello-1\.0\.tgz`/);
    assert.match(value, /Used 1 time/);
  });

  it('returns nothing on plain text', () => {
    assert.equal(hover(`${PREAMBLE}%description\nsome te|xt\n`).h, undefined);
  });
});

describe('hover: dkms.conf', () => {
  const dkms = (s: string) => hover(s, { languageId: 'dkms-conf' });
  it('hovers directives', () => {
    const { value, token } = dkms('PACKAGE_NAME="x"\nDEST_MODULE_LOC|ATION[0]="/updates"\n');
    assert.equal(token, 'DEST_MODULE_LOCATION');
    assert.match(value, /dkms\.conf directive/);
    assert.match(value, /Example/);
  });

  it('marks deprecated directives', () => {
    const d = dkms('MODULES_CONF_OBSOLE|TES[0]="x"\n');
    assert.match(d.value, /Deprecated|dkms\.conf directive/);
  });

  it('hovers variables, with the assignment when the file sets them', () => {
    const v = dkms('PACKAGE_NAME="acme"\nMAKE[0]="make -C $kernel_so|urce_dir M=$PWD"\n');
    assert.equal(v.token, '$kernel_source_dir');
    assert.match(v.value, /headers/);
    const own = dkms('PACKAGE_NAME="acme"\nBUILT_MODULE_NAME[0]="${PACKAGE_N|AME}"\n');
    assert.match(own.value, /Assigned at line 1/);
  });

  it('BUILD_EXCLUSIVE_*: each sample kernel from old LTS to 7.x, accepted or excluded under the file\'s settings', () => {
    const name = dkms('BUILD_EXCLUSIVE_KER|NEL="^[5-6]\\."\nBUILD_EXCLUSIVE_KERNEL_MIN="5.10"\nBUILD_EXCLUSIVE_ARCH="x86_64"\n');
    assert.match(name.value, /Sample kernels under BUILD_EXCLUSIVE_KERNEL `\^\[5-6\]\\\.`, _MIN 5\.10/);
    assert.match(name.value, /✗ excluded · `4\.19\.0-27-amd64`/);
    assert.match(name.value, /✗ excluded · `5\.4\.0-200-generic`/, 'below MIN');
    assert.match(name.value, /✓ builds · `6\.8\.0-49-generic`/);
    assert.match(name.value, /✗ excluded · `7\.3\.1`/);
    assert.match(name.value, /✓ x86_64 · ✗ i686/);
    const value = dkms('BUILD_EXCLUSIVE_KERNEL="^5\\.[18|-19]"\n');
    assert.match(value.value, /bash cannot compile the pattern .*dkms excludes every kernel/);
    assert.doesNotMatch(value.value, /✓ builds/);
  });

  it('BUILD_EXCLUSIVE_*[i]: element [0] is the package-wide setting; [1] is never read, with what the module would get under the upstream proposal', () => {
    const text = 'BUILD_EXCLUSIVE_KERNEL[0]="^[67]\\."\nBUILD_EXCLUSIVE_KERNEL[1]="^6\\.1?[089]\\."\n';
    const zero = dkms(text.replace('KERNEL[0]', 'KER|NEL[0]'));
    assert.match(zero.value, /Sample kernels under BUILD_EXCLUSIVE_KERNEL `\^\[67\]\\\.`/);
    const one = dkms(text.replace('KERNEL[1]', 'KER|NEL[1]'));
    assert.match(one.value, /\*\*dkms never reads element \[1\]\*\*: .*module 1 builds wherever the package does \(dkms 3\.0\.10;/);
    assert.match(one.value, /Under that proposal, module 1 would build for:/);
    assert.match(one.value, /✗ excluded · `6\.1\.0-28-amd64`/);
    assert.match(one.value, /✓ builds · `6\.8\.0-49-generic`/);
    assert.match(one.value, /✓ builds · `6\.18\.2-1-default`/);
    assert.match(one.value, /✗ excluded · `7\.3\.1`/);
    const value = dkms(text.replace('"^6\\.1?', '"^6|\\.1?'));
    assert.match(value.value, /dkms never reads element \[1\]/);
    // BUILD_EXCLUSIVE_CONFIG[1]: the note, no kernel list
    const config = dkms('BUILD_EXCLUSIVE_CON|FIG[1]="CONFIG_PCI"\n');
    assert.match(config.value, /dkms never reads element \[1\]/);
    assert.doesNotMatch(config.value, /would build for/);
    // BUILD_EXCLUSIVE_CONFIG: what the kernel configuration must and must not have
    const cfg = dkms('BUILD_EXCLUSIVE_CONFIG="CONFIG_PCI !CONFIG_PRE|EMPT_RT"\n');
    assert.match(cfg.value, /set to y or m: `CONFIG_PCI`\n- not set to y or m: `CONFIG_PREEMPT_RT`/);
    assert.match(cfg.value, /When that file does not exist, dkms skips the check and builds/);
    // MIN/MAX and CONFIG came with dkms 3.0.11 (upstream tags)
    assert.match(dkms('BUILD_EXCLUSIVE_KERNEL_M|IN="5.10"\n').value, /dkms ≥ 3\.0\.11/);
  });
});

describe('hover: scriptlet options', () => {
  it('keeps <lua> in the %post -p description (escaped, not dropped as an HTML tag)', () => {
    const { value } = hover(`${PREAMBLE}%po|st -p <lua>\nprint("x")\n`);
    assert.match(value, /e\.g\. &lt;lua&gt; or \/sbin\/ldconfig/);
    assert.doesNotMatch(value, /e\.g\. <lua>/);
    // Inside code spans nothing is escaped.
    assert.match(hover(`${PREAMBLE}%change|log\n`).value, /`\* Day Mon DD YYYY Name <email> - version-release`/);
  });
});

describe('hover: a dkms.conf written by a here-document in the spec', () => {
  it('hovers its directives and variables as in a dkms.conf, with spec ranges', () => {
    const d = hover(`${PREAMBLE}%install\ncat > dkms.conf <<'EOF'\nPACKAGE_NAME=hello\nDEST_MODULE_LOC|ATION[0]="/updates"\nEOF\n`);
    assert.equal(d.token, 'DEST_MODULE_LOCATION');
    assert.match(d.value, /dkms\.conf directive/);
    const v = hover(`${PREAMBLE}%install\ncat > %{buildroot}/usr/src/hello-1.0/dkms.conf <<EOF\nMAKE[0]="make KVER=\\$kernel|ver"\nEOF\n`);
    assert.equal(v.token, '$kernelver');
    // outside the body: spec hover as before
    const spec = hover(`${PREAMBLE}%install\ncat > dkms.conf <<'EOF'\nPACKAGE_NAME=hello\nEOF\ninstall -d %{_us|rsrc}\n`);
    assert.equal(spec.token, '_usrsrc');
  });
});
