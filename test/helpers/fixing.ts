// Before/after helper for rule fixes: lint, apply the first (or first safe) fix of every finding.
import type { DistroId } from '../../server/src/service/index';
import { applyFixes, lintText } from './fixtures';

export function fixed(text: string, rule: string, options: { distro?: DistroId; which?: 'first' | 'safe' } = {}): string {
  const findings = lintText(text, { rules: [rule], distro: options.distro });
  return applyFixes(text, findings, options.which ?? 'first');
}
