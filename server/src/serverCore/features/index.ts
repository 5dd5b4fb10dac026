// The server's features, in registration order. Add new feature modules here.
import type { Feature } from '../feature';
import { codeActionsFeature } from './codeActions';
import { completionFeature } from './completion';
import { externalToolsFeature } from './externalTools';
import { choresFeature } from './chores';
import { formattingFeature } from './formatting';
import { lensesFeature } from './lenses';
import { workspaceSymbolsFeature } from './workspaceSymbols';
import { hoverFeature } from './hover';
import { inlayHintsFeature } from './inlayHints';
import { navigationFeature } from './navigation';
import { semanticTokensFeature } from './semanticTokens';
import { outlineFeature } from './outline';
import { profileFeature } from './profile';
import { validationFeature } from './validation';
import { workspaceDiagnosticsFeature } from './workspaceDiagnostics';

export const FEATURES: Feature[] = [validationFeature, outlineFeature, codeActionsFeature, completionFeature, hoverFeature, navigationFeature, semanticTokensFeature, inlayHintsFeature, profileFeature, externalToolsFeature, formattingFeature, choresFeature, workspaceDiagnosticsFeature, lensesFeature, workspaceSymbolsFeature];
