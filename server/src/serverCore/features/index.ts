// The server's features, in registration order. Add new feature modules here.
import type { Feature } from '../feature';
import { codeActionsFeature } from './codeActions';
import { outlineFeature } from './outline';
import { validationFeature } from './validation';

export const FEATURES: Feature[] = [validationFeature, outlineFeature, codeActionsFeature];
