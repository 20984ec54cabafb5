import { decodeGlobalID } from '@pothos/plugin-relay';

/** Inputs that name a node take its global id or the graph's own id (region:1301, program:…). */
export function graphId(id: string): string {
  try {
    const { id: inner } = decodeGlobalID(id);
    if (/^[a-z]+:/u.test(inner)) return inner;
  } catch {
    // not a global id: the graph's own
  }
  return id;
}
