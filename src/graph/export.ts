import type { EdgeRecord, GraphSlice, NodeRecord } from './read.js';

/**
 * A subgraph as a file for scripts: JSON, GraphML (yEd, Gephi), Cypher (to load into another
 * Neo4j) or CSV (nodes, then edges). Every value is escaped for its format; nothing from the
 * graph is ever pasted in raw.
 */
export type ExportFormat = 'JSON' | 'GRAPHML' | 'CYPHER' | 'CSV';

/** Properties worth exporting: everything but the API's own bookkeeping. */
function props(n: NodeRecord): Record<string, unknown> {
  if (n.label === 'Outcome') {
    const { label: _label, evidenceArticles: _articles, ...own } = n;
    return own;
  }
  const { label: _label, ...own } = n;
  return own;
}

const scalar = (v: unknown) => (Array.isArray(v) ? v.join('|') : v === null || v === undefined ? '' : String(v));

function xml(s: string): string {
  return s.replace(/[<>&'"]/gu, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, '');
}

function csvCell(v: unknown): string {
  const s = scalar(v);
  // Cells starting with = + - @ are formulas to a spreadsheet: quote them as text.
  const safe = /^[=+\-@\t\r]/u.test(s) ? `'${s}` : s;
  return /[",\n\r]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/** A Cypher literal: JSON's string and number syntax is valid Cypher; lists of them too. */
function cypherValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(cypherValue).join(', ')}]`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(String(v));
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/u;

function cypherMap(p: Record<string, unknown>): string {
  return `{${Object.entries(p)
    .filter(([k]) => IDENTIFIER.test(k))
    .map(([k, v]) => `${k}: ${cypherValue(v)}`)
    .join(', ')}}`;
}

export function exportSlice(slice: GraphSlice, format: ExportFormat): string {
  const label = (n: NodeRecord) => (IDENTIFIER.test(n.label) ? n.label : 'Node');
  const edgeType = (e: EdgeRecord) => (IDENTIFIER.test(e.type) ? e.type : 'RELATED');
  switch (format) {
    case 'JSON':
      return JSON.stringify({
        nodes: slice.nodes.map((n) => ({ id: n.id, label: n.label, properties: props(n) })),
        edges: slice.edges.map((e) => ({ type: e.type, from: e.from, to: e.to, properties: e.properties })),
      });
    case 'GRAPHML': {
      const keys = new Set<string>();
      for (const n of slice.nodes) for (const k of Object.keys(props(n))) keys.add(k);
      const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        ...[...keys].sort().map((k) => `  <key id="n_${xml(k)}" for="node" attr.name="${xml(k)}" attr.type="string"/>`),
        '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
        '  <graph edgedefault="directed">',
        ...slice.nodes.map(
          (n) =>
            `    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data>${Object.entries(props(n))
              .map(([k, v]) => `<data key="n_${xml(k)}">${xml(scalar(v))}</data>`)
              .join('')}</node>`,
        ),
        ...slice.edges.map((e) => `    <edge source="${xml(e.from)}" target="${xml(e.to)}"><data key="type">${xml(e.type)}</data></edge>`),
        '  </graph>',
        '</graphml>',
      ];
      return `${lines.join('\n')}\n`;
    }
    case 'CYPHER':
      return `${[
        ...slice.nodes.map((n) => `MERGE (n:${label(n)} {id: ${cypherValue(n.id)}}) SET n += ${cypherMap(props(n))};`),
        ...slice.edges.map(
          (e) => `MATCH (a {id: ${cypherValue(e.from)}}), (b {id: ${cypherValue(e.to)}}) MERGE (a)-[r:${edgeType(e)}]->(b) SET r += ${cypherMap(e.properties)};`,
        ),
      ].join('\n')}\n`;
    case 'CSV': {
      const rows = [
        'kind,id,label,name,from,to,type',
        ...slice.nodes.map((n) => ['node', n.id, n.label, 'name' in n ? n.name : '', '', '', ''].map(csvCell).join(',')),
        ...slice.edges.map((e) => ['edge', '', '', '', e.from, e.to, e.type].map(csvCell).join(',')),
      ];
      return `${rows.join('\n')}\n`;
    }
  }
}
