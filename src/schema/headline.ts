import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The query GraphiQL opens with: "reforms in Hebei districts affecting approval time". */
export const HEADLINE_QUERY_FILE = fileURLToPath(new URL('../../docs/queries/01-headline.graphql', import.meta.url));
export const HEADLINE_QUERY = readFileSync(HEADLINE_QUERY_FILE, 'utf8');
