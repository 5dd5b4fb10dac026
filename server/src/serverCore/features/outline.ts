// Document symbols and folding ranges, straight from the service.
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const outlineFeature: Feature = {
  name: 'outline',
  capabilities: () => ({ documentSymbolProvider: true, foldingRangeProvider: true }),
  register(ctx: ServerContext) {
    ctx.connection.onDocumentSymbol(
      runSafe(ctx.log, 'documentSymbol', [], async (params) => {
        const input = ctx.input(params.textDocument.uri);
        // Package names are read with the active profile's macros.
        return input ? ctx.service.documentSymbols(input, { distro: await ctx.distro(input.uri) }) : [];
      }),
    );
    ctx.connection.onFoldingRanges(
      runSafe(ctx.log, 'foldingRange', [], (params) => {
        const input = ctx.input(params.textDocument.uri);
        return input ? ctx.service.foldingRanges(input) : [];
      }),
    );
  },
};
