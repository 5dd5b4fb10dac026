import { defineSpecRule } from '../types';

/**
 * `BuildArch: x86_64` forces the target architecture (a cross build on other hosts) instead of
 * limiting where the package builds; only `BuildArch: noarch` is meant for specs.
 */
export default defineSpecRule({
  id: 'buildarch-instead-of-exclusivearch-tag',
  category: 'correctness',
  defaultSeverity: 'error',
  description: 'BuildArch: names a real architecture: use ExclusiveArch: to restrict architectures',
  fixSafety: 'unsafe',
  messages: {
    buildArchRestricts: "'{{name}}: {{value}}' makes rpmbuild build for {{value}} on any host; to build only on {{value}}, use 'ExclusiveArch: {{value}}'",
  },
  rpmlintId: 'buildarch-instead-of-exclusivearch-tag',
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      if (tag.key !== 'buildarch' && tag.key !== 'buildarchitectures') continue;
      if (tag.value === '' || /^noarch$/i.test(tag.value)) continue;
      // A template placeholder (`@CPACK_RPM_PACKAGE_ARCHITECTURE@`) is often noarch: we cannot tell.
      if (/@[A-Za-z_][A-Za-z0-9_]*@/.test(tag.value)) continue;
      ctx.report({
        start: tag.start,
        end: tag.valueSpan.end,
        messageId: 'buildArchRestricts', data: { name: tag.name, value: tag.value },
        fixes: tag.packageIndex === 0
          ? [{ title: 'Replace with ExclusiveArch:', safety: 'unsafe', edits: [{ start: tag.nameSpan.start, end: tag.nameSpan.end, newText: 'ExclusiveArch' }] }]
          : [],
      });
    }
  },
});
