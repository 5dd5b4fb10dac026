import { defineDkmsRule } from '../types';
import { isDynamicValue } from './_util';

export default defineDkmsRule({
  id: 'dkms-patch-path',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'A PATCH entry leaves the patches/ directory (an absolute path or a .. component)',
  fixSafety: 'none',
  messages: {
    parentComponent: 'PATCH "{{text}}" contains a \'..\' component: dkms 3.1.2 and later stop the build with it (exit 5; dkms add still accepts the file), and patches must be files inside the patches/ directory of the source tree',
    absolutePath: 'PATCH "{{text}}" is an absolute path: dkms looks for patches relative to the patches/ directory of the source tree',
  },
  check(ctx) {
    for (const a of ctx.doc.assignments) {
      if (a.name !== 'PATCH') continue;
      for (const v of a.values) {
        if (isDynamicValue(ctx.doc, v)) continue;
        const parts = v.text.split('/');
        if (parts.includes('..')) {
          ctx.report({ start: v.start, end: v.end, messageId: 'parentComponent', data: { text: v.text } });
        } else if (v.text.startsWith('/')) {
          ctx.report({ start: v.start, end: v.end, messageId: 'absolutePath', data: { text: v.text } });
        }
      }
    }
  },
});
