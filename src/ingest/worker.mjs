// Extractor processes do not inherit tsx's loader hooks from the parent: register them here,
// then load the TypeScript worker. Plain JavaScript, so Node can start it without help.
import { register } from 'tsx/esm/api';

register();
await import('./extractWorker.ts');
