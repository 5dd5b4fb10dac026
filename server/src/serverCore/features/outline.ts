// Document symbols and folding ranges, straight from the service.
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const outlineFeature: Feature = {
  name: 'outline',
  capabilities: () => ({ documentSymbolProvider: true, foldingRangeProvider: true }),
  register(ctx: ServerContext) {
    ctx.connection.onDocumentSymbol(
      runSafe(ctx.log, 'documentSymbol', [], (params) => {
        const input = ctx.input(params.textDocument.uri);
        return input ? ctx.service.documentSymbols(input) : [];
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
