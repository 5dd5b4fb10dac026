// Hover for macros, tags, sections, conditionals, dependency operators, dkms directives and variables.
import type { Hover } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const hoverFeature: Feature = {
  name: 'hover',
  capabilities: () => ({ hoverProvider: true }),
  register(ctx: ServerContext) {
    ctx.connection.onHover(
      runSafe(ctx.log, 'hover', null, async (params): Promise<Hover | null> => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return null;
        const distro = await ctx.distro(input.uri);
        return ctx.service.hover(input, params.position, { distro }) ?? null;
      }),
    );
  },
};
