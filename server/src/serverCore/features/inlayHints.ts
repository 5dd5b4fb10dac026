// Inlay hints (`specwright.inlayHints.macroExpansion`) and greyed-out inactive %if arms
// (`specwright.dimInactiveBranches`), both in the active profile (`specwright.distro`).
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type InlayHint } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';
import { addDiagnosticContributor } from './validation';

export const INACTIVE_SOURCE = 'specwright-inactive';

export const inlayHintsFeature: Feature = {
  name: 'inlayHints',
  capabilities: () => ({ inlayHintProvider: { resolveProvider: false } }),
  register(ctx: ServerContext) {
    ctx.connection.languages.inlayHint.on(
      runSafe(ctx.log, 'inlayHint', [] as InlayHint[], async (params) => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return [];
        const settings = await ctx.settings(input.uri);
        if (!settings.inlayMacroExpansion) return [];
        return ctx.service.inlayHints(input, params.range, { distro: await ctx.distro(input.uri) });
      }),
    );
    addDiagnosticContributor(ctx, async (input): Promise<Diagnostic[]> => {
      const settings = await ctx.settings(input.uri);
      if (!settings.dimInactiveBranches) return [];
      const distro = await ctx.distro(input.uri);
      return ctx.service.inactiveRanges(input, distro).map((r) => ({
        range: r.range,
        severity: DiagnosticSeverity.Hint,
        source: INACTIVE_SOURCE,
        message: `Inactive on ${distro.release.short}: '${r.directive}' is false there`,
        tags: [DiagnosticTag.Unnecessary],
      }));
    });
  },
};
