// Definition, references, highlights, rename and call hierarchy for what a spec defines itself
// (references and the call hierarchy also search the %include'd files); document links
// (local source/patch targets are resolved against the document's URI here, and left out when
// the file does not exist).
import { ResponseError, ErrorCodes, type CallHierarchyIncomingCall, type CallHierarchyItem, type CallHierarchyOutgoingCall, type DocumentLink, type Location, type WorkspaceEdit } from 'vscode-languageserver';
import type { CallHierarchyItem as ServiceCallHierarchyItem } from '../../service/features/callHierarchy';
import type { DocumentInput } from '../../service/types';
import { URI, Utils } from 'vscode-uri';
import fs from 'node:fs';
import path from 'node:path';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

/** An absolute target for a link: URLs as they are, `./file` relative to the document's folder. */
export function resolveLinkTarget(documentUri: string, target: string): string | undefined {
  if (!target.startsWith('./')) return target;
  try {
    const base = URI.parse(documentUri);
    return Utils.joinPath(Utils.dirname(base), decodeURIComponent(target.slice(2))).toString();
  } catch {
    return undefined;
  }
}

/** The %include'd files beside a local spec that exist and are small (none for other schemes). */
function readIncluded(specUri: string, names: string[]): { uri: string; text: string }[] {
  const spec = URI.parse(specUri);
  if (spec.scheme !== 'file' || names.length === 0) return [];
  const out: { uri: string; text: string }[] = [];
  for (const name of names.slice(0, 20)) {
    const file = path.resolve(path.dirname(spec.fsPath), name);
    try {
      if (fs.statSync(file).size > 2 * 1024 * 1024) continue;
      out.push({ uri: URI.file(file).toString(), text: fs.readFileSync(file, 'utf8') });
    } catch {
      // missing or unreadable: nothing to search
    }
  }
  return out;
}

export const navigationFeature: Feature = {
  name: 'navigation',
  capabilities: () => ({
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
    documentLinkProvider: { resolveProvider: false },
    callHierarchyProvider: true,
  }),
  register(ctx: ServerContext) {
    const log = ctx.log;
    ctx.connection.onDefinition(
      runSafe(log, 'definition', [] as Location[], (params) => {
        const input = ctx.input(params.textDocument.uri);
        return input ? ctx.service.definition(input, params.position) : [];
      }),
    );
    ctx.connection.onReferences(
      runSafe(log, 'references', [] as Location[], (params) => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return [];
        const here = ctx.service.references(input, params.position, params.context.includeDeclaration);
        return here.concat(ctx.service.referencesInIncluded(input, params.position, readIncluded(input.uri, ctx.service.includedFiles(input)), params.context.includeDeclaration));
      }),
    );
    // Call hierarchy of macros over the spec and its %include'd files. Items carry the spec's URI
    // (data.spec): incoming/outgoing requests start from the spec, open or on disk.
    const specInput = (uri: string): DocumentInput | undefined => {
      const open = ctx.input(uri);
      if (open) return open;
      const parsed = URI.parse(uri);
      if (parsed.scheme !== 'file') return undefined;
      try {
        if (fs.statSync(parsed.fsPath).size > 2 * 1024 * 1024) return undefined;
        return { uri, languageId: 'rpm-spec', version: -1, text: fs.readFileSync(parsed.fsPath, 'utf8') };
      } catch {
        return undefined;
      }
    };
    const itemOf = (item: CallHierarchyItem): ServiceCallHierarchyItem | undefined => {
      const data = item.data as ServiceCallHierarchyItem['data'] | undefined;
      if (!data || typeof data !== 'object' || typeof data.spec !== 'string') return undefined;
      if (data.kind === 'macro' ? typeof data.name !== 'string' : data.kind !== 'section' || typeof data.section !== 'number') return undefined;
      return { ...item, data } as ServiceCallHierarchyItem;
    };
    ctx.connection.languages.callHierarchy.onPrepare(
      runSafe(log, 'prepareCallHierarchy', null, (params): CallHierarchyItem[] | null => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return null;
        const items = ctx.service.prepareCallHierarchy(input, params.position, readIncluded(input.uri, ctx.service.includedFiles(input)));
        return items.length ? items : null;
      }),
    );
    ctx.connection.languages.callHierarchy.onIncomingCalls(
      runSafe(log, 'incomingCalls', null, (params): CallHierarchyIncomingCall[] | null => {
        const item = itemOf(params.item);
        const input = item && specInput(item.data.spec);
        if (!item || !input) return null;
        return ctx.service.incomingCalls(input, item, readIncluded(input.uri, ctx.service.includedFiles(input)));
      }),
    );
    ctx.connection.languages.callHierarchy.onOutgoingCalls(
      runSafe(log, 'outgoingCalls', null, (params): CallHierarchyOutgoingCall[] | null => {
        const item = itemOf(params.item);
        const input = item && specInput(item.data.spec);
        if (!item || !input) return null;
        return ctx.service.outgoingCalls(input, item, readIncluded(input.uri, ctx.service.includedFiles(input)));
      }),
    );
    ctx.connection.onDocumentHighlight(
      runSafe(log, 'documentHighlight', [], (params) => {
        const input = ctx.input(params.textDocument.uri);
        return input ? ctx.service.documentHighlights(input, params.position) : [];
      }),
    );
    ctx.connection.onPrepareRename(
      runSafe(log, 'prepareRename', null, (params) => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return null;
        const r = ctx.service.prepareRename(input, params.position);
        if ('error' in r) return new ResponseError(ErrorCodes.InvalidRequest, r.error);
        return r;
      }),
    );
    ctx.connection.onRenameRequest(
      runSafe(log, 'rename', null, (params): WorkspaceEdit | ResponseError | null => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return null;
        const r = ctx.service.rename(input, params.position, params.newName);
        if ('error' in r) return new ResponseError(ErrorCodes.InvalidRequest, r.error);
        return r.edit;
      }),
    );
    ctx.connection.onDocumentLinks(
      runSafe(log, 'documentLink', [] as DocumentLink[], async (params) => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return [];
        const distro = await ctx.distro(input.uri);
        const out: DocumentLink[] = [];
        for (const link of ctx.service.documentLinks(input, { distro })) {
          const target = link.target === undefined ? undefined : resolveLinkTarget(input.uri, link.target);
          // A local Source/Patch that is not there (a tarball downloaded at build time) is no link:
          // opening it would only offer to create an empty file. URLs stay links.
          if (target === undefined || (target.startsWith('file:') && ctx.fileExists(URI.parse(target).fsPath) === false)) continue;
          out.push({ ...link, target });
        }
        return out;
      }),
    );
  },
};
