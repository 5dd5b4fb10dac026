#!/usr/bin/python3
# rpm's own view of one spec, through rpm's Python bindings (python3-rpm: the same librpm as rpmspec).
# Reads the spec text on stdin, writes one JSON object on stdout. Run it only through rpm-view.mjs /
# rpmView(): rpm EXECUTES the spec's %(...) and %{lua:...} code while parsing, so it must run sandboxed.
#
# Usage: python3 rpm-view.py FILE_NAME [NAME=VALUE ...]
#   FILE_NAME  the spec's file name (rpm sees the text under this name in a scratch folder)
#   NAME=VALUE macros defined before parsing (like rpmspec --define 'NAME VALUE')
import json
import re
import os
import sys

import rpm

file_name = os.path.basename(sys.argv[1]) or 'spec.spec'
defines = sys.argv[2:]


def text(value):
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode('utf-8', 'replace')
    return str(value)


def plain(value):
    """A header value as JSON: bytes and numbers as they are, lists element by element."""
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bytes):
        return value.decode('utf-8', 'replace')
    if isinstance(value, (int, str)) or value is None:
        return value
    return str(value)


OPERATORS = {2: '<', 4: '>', 8: '=', 10: '<=', 12: '>='}
# Dependency kinds: (JSON key, name tag, flags tag, version tag)
DEPENDENCY_TAGS = [
    ('requires', 'REQUIRENAME', 'REQUIREFLAGS', 'REQUIREVERSION'),
    ('provides', 'PROVIDENAME', 'PROVIDEFLAGS', 'PROVIDEVERSION'),
    ('conflicts', 'CONFLICTNAME', 'CONFLICTFLAGS', 'CONFLICTVERSION'),
    ('obsoletes', 'OBSOLETENAME', 'OBSOLETEFLAGS', 'OBSOLETEVERSION'),
    ('recommends', 'RECOMMENDNAME', 'RECOMMENDFLAGS', 'RECOMMENDVERSION'),
    ('suggests', 'SUGGESTNAME', 'SUGGESTFLAGS', 'SUGGESTVERSION'),
    ('supplements', 'SUPPLEMENTNAME', 'SUPPLEMENTFLAGS', 'SUPPLEMENTVERSION'),
    ('enhances', 'ENHANCENAME', 'ENHANCEFLAGS', 'ENHANCEVERSION'),
    ('orderWithRequires', 'ORDERNAME', 'ORDERFLAGS', 'ORDERVERSION'),
]
SCRIPT_FLAGS = [
    (rpm.RPMSENSE_SCRIPT_PRE, 'pre'), (rpm.RPMSENSE_SCRIPT_POST, 'post'), (rpm.RPMSENSE_SCRIPT_PREUN, 'preun'),
    (rpm.RPMSENSE_SCRIPT_POSTUN, 'postun'), (rpm.RPMSENSE_PRETRANS, 'pretrans'), (rpm.RPMSENSE_POSTTRANS, 'posttrans'),
    (rpm.RPMSENSE_SCRIPT_VERIFY, 'verify'),
]


def dependencies(header, name_tag, flags_tag, version_tag):
    names = header[getattr(rpm, 'RPMTAG_' + name_tag)] or []
    flags = header[getattr(rpm, 'RPMTAG_' + flags_tag)] or []
    versions = header[getattr(rpm, 'RPMTAG_' + version_tag)] or []
    out = []
    for i, name in enumerate(names):
        flag = flags[i] if i < len(flags) else 0
        dep = {'name': text(name)}
        op = OPERATORS.get(flag & 14)
        version = text(versions[i]) if i < len(versions) else ''
        if op and version:
            dep['op'] = op
            dep['version'] = version
        # Added by rpm itself, not written in the spec: rpmlib() features, scriptlet interpreters.
        if flag & rpm.RPMSENSE_RPMLIB:
            dep['rpmAdded'] = True
        if flag & rpm.RPMSENSE_INTERP:
            dep['interpreter'] = True
        when = [w for bit, w in SCRIPT_FLAGS if flag & bit]
        if when:
            dep['when'] = when
        if flag & rpm.RPMSENSE_MISSINGOK:
            dep['missingok'] = True
        out.append(dep)
    return out


SCRIPTLETS = [
    ('pre', 'PREIN', 'PREINPROG'), ('post', 'POSTIN', 'POSTINPROG'), ('preun', 'PREUN', 'PREUNPROG'),
    ('postun', 'POSTUN', 'POSTUNPROG'), ('pretrans', 'PRETRANS', 'PRETRANSPROG'),
    ('posttrans', 'POSTTRANS', 'POSTTRANSPROG'), ('verifyscript', 'VERIFYSCRIPT', 'VERIFYSCRIPTPROG'),
]


def scriptlets(header):
    out = {}
    for key, body_tag, prog_tag in SCRIPTLETS:
        body = header[getattr(rpm, 'RPMTAG_' + body_tag)]
        prog = header[getattr(rpm, 'RPMTAG_' + prog_tag)]
        if body is None and not prog:
            continue
        out[key] = {'body': text(body), 'program': plain(prog)}
    return out


def triggers(header):
    out = []
    for kind, prefix in (('trigger', 'TRIGGER'), ('filetrigger', 'FILETRIGGER'), ('transfiletrigger', 'TRANSFILETRIGGER')):
        scripts = header[getattr(rpm, 'RPMTAG_' + prefix + 'SCRIPTS')] or []
        progs = header[getattr(rpm, 'RPMTAG_' + prefix + 'SCRIPTPROG')] or []
        names = header[getattr(rpm, 'RPMTAG_' + prefix + 'NAME')] or []
        index = header[getattr(rpm, 'RPMTAG_' + prefix + 'INDEX')] or []
        for i, body in enumerate(scripts):
            out.append({
                'kind': kind,
                'body': text(body),
                'program': text(progs[i]) if i < len(progs) else None,
                'names': sorted(text(n) for j, n in enumerate(names) if j < len(index) and index[j] == i),
            })
    return out


# Tags rpm fills from the build machine or the clock, not from the spec.
VOLATILE = {'buildtime', 'buildhost', 'cookie', 'rpmversion', 'headeri18ntable', 'os', 'arch', 'platform', 'optflags'}


def all_tags(header):
    out = {}
    for tag in header.keys():
        name = rpm.tagnames.get(tag, str(tag)).lower()
        if name in VOLATILE:
            continue
        out[name] = plain(header[tag])
    return out


def changelog(header):
    times = header[rpm.RPMTAG_CHANGELOGTIME] or []
    names = header[rpm.RPMTAG_CHANGELOGNAME] or []
    texts = header[rpm.RPMTAG_CHANGELOGTEXT] or []
    return [{'time': t, 'name': text(n), 'text': text(x)} for t, n, x in zip(times, names, texts)]


BUILD_SECTIONS = ['prep', 'conf', 'generate_buildrequires', 'build', 'install', 'check', 'clean']
SECTION_WORDS = BUILD_SECTIONS + [
    'package', 'description', 'files', 'changelog', 'pre', 'post', 'preun', 'postun', 'pretrans', 'posttrans',
    'verifyscript', 'triggerprein', 'triggerin', 'triggerun', 'triggerpostun', 'filetriggerin', 'filetriggerun',
    'filetriggerpostun', 'transfiletriggerin', 'transfiletriggerun', 'transfiletriggerpostun', 'sourcelist',
    'patchlist', 'sepolicy']


def header_word(line):
    """The section keyword a column-0 line opens, as rpm's isPart() reads it, or None."""
    if not line.startswith('%'):
        return None
    word = line[1:].split(None, 1)[0] if len(line) > 1 and not line[1].isspace() else ''
    word = word.lower()
    return word if word in SECTION_WORDS else None


def global_sections(spec, source_text):
    """Build sections present, and whether that list is certain. The bindings expose %prep,
    %build, %install and %check; %conf, %generate_buildrequires and %clean are read from rpm's
    parsed text (-P), which has the conditionals resolved. rpm 4.18's parsed text drops the header
    line of the section that follows %prep (its body then trails the %prep body there). That
    header is taken from the source: the first section header after %prep, when no conditional
    line stands between the two; otherwise the list is not certain (unless the trailing text is
    the body of a section the bindings expose)."""
    present = set(k for k in ('prep', 'build', 'install', 'check') if getattr(spec, k) is not None)
    parsed_lines = (text(spec.parsed) or '').split('\n')
    prep_at = None
    for i, line in enumerate(parsed_lines):
        word = header_word(line)
        if word in ('conf', 'generate_buildrequires', 'clean'):
            present.add(word)
        if word == 'prep' and prep_at is None:
            prep_at = i
    certain = True
    if prep_at is not None and spec.prep is not None:
        candidate, conditional, after_prep = None, False, False
        for line in source_text.split('\n'):
            word = header_word(line)
            if word == 'prep' and not after_prep:
                after_prep = True
                continue
            if not after_prep:
                continue
            if re.match(r'\s*%(if|ifarch|ifnarch|ifos|ifnos|elif|elifarch|elifos|else|endif)\b', line):
                conditional = True
            if word is not None:
                candidate = word
                break
        if candidate in ('conf', 'generate_buildrequires', 'clean') and candidate not in present:
            if not conditional:
                present.add(candidate)
            else:
                chunk = []
                for line in parsed_lines[prep_at + 1:]:
                    if header_word(line) is not None:
                        break
                    chunk.append(line)
                prep_lines = text(spec.prep).rstrip('\n').split('\n')
                extra = '\n'.join(chunk[len(prep_lines):]).strip()
                known = set((text(getattr(spec, k)) or '').strip() for k in ('build', 'install', 'check'))
                if not extra or extra not in known:
                    certain = False
    return [k for k in BUILD_SECTIONS if k in present], certain


def main():
    source_text = sys.stdin.buffer.read().decode('utf-8', 'surrogateescape')
    work = os.getcwd()
    path = os.path.join(work, file_name)
    with open(path, 'w', encoding='utf-8', errors='surrogateescape') as f:
        f.write(source_text)
    for d in defines:
        name, _, value = d.partition('=')
        rpm.addMacro(name, value)
    try:
        spec = rpm.spec(path)
    except Exception as e:  # rpm has printed its reasons on stderr
        json.dump({'ok': False, 'error': str(e)}, sys.stdout)
        return
    src = spec.sourceHeader
    kinds = {1: 'source', 2: 'patch'}
    sources = sorted(
        ({'kind': kinds[f & 3], 'number': num, 'file': text(name)} for (name, num, f) in spec.sources if f & 3 in kinds),
        key=lambda s: (s['kind'] != 'source', s['number']))
    packages = []
    for p in spec.packages:
        h = p.header
        pkg = {'name': text(h['name']), 'summary': text(h['summary']), 'description': text(h['description'])}
        for key, n, fl, v in DEPENDENCY_TAGS:
            pkg[key] = dependencies(h, n, fl, v)
        pkg['scriptlets'] = scriptlets(h)
        pkg['triggers'] = triggers(h)
        pkg['hasFiles'] = p.fileList is not None
        pkg['files'] = text(p.fileList)
        pkg['fileListFiles'] = text(p.fileFile)
        pkg['policies'] = text(p.policyList)
        pkg['tags'] = all_tags(h)
        packages.append(pkg)
    sections, sections_certain = global_sections(spec, source_text)
    view = {
        'ok': True,
        'rpmVersion': rpm.__version__,
        'name': text(src['name']),
        'epoch': None if src['epoch'] is None else str(src['epoch']),
        'version': text(src['version']),
        'release': text(src['release']),
        'sources': sources,
        'sections': sections,
        'sectionsCertain': sections_certain,
        'buildRequires': dependencies(src, 'REQUIRENAME', 'REQUIREFLAGS', 'REQUIREVERSION'),
        'buildConflicts': dependencies(src, 'CONFLICTNAME', 'CONFLICTFLAGS', 'CONFLICTVERSION'),
        'packages': packages,
        'sectionBodies': {k: text(getattr(spec, k)) for k in ('prep', 'build', 'install', 'check', 'clean')},
        'changelog': changelog(src),
        'sourceTags': all_tags(src),
    }
    json.dump(view, sys.stdout)


main()
