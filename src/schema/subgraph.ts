import { encodeGlobalID } from '@pothos/plugin-relay';
import { exportSlice } from '../graph/export.js';
import { MAX_PATH_LENGTH, MAX_SUBGRAPH_DEPTH, shortestPath, subgraph, type EdgeRecord, type GraphSlice } from '../graph/read.js';
import { builder } from './builder.js';
import { Evidence, evidenceOf } from './common.js';
import { graphId } from './ids.js';
import { NodeType } from './search.js';

const ExportFormat = builder.enumType('ExportFormat', { values: ['JSON', 'GRAPHML', 'CYPHER', 'CSV'] as const });

const Edge = builder.objectRef<EdgeRecord & { labels: Map<string, string> }>('GraphEdge').implement({
  description: 'A relationship of a subgraph or path.',
  fields: (t) => ({
    type: t.exposeString('type'),
    from: t.id({ description: 'Global id of the start node.', resolve: (e) => encodeGlobalID(e.labels.get(e.from) ?? 'Node', e.from) }),
    to: t.id({ description: 'Global id of the end node.', resolve: (e) => encodeGlobalID(e.labels.get(e.to) ?? 'Node', e.to) }),
    title: t.string({ nullable: true, description: 'The title of a HOLDS relationship.', resolve: (e) => e.properties.title ?? null }),
    evidence: t.field({ type: [Evidence], resolve: (e) => evidenceOf(e.properties) }),
  }),
});

const Subgraph = builder.objectRef<GraphSlice>('Subgraph').implement({
  description: 'Nodes and the relationships between them, for display or export.',
  fields: (t) => ({
    nodes: t.field({ type: [builder.nodeInterfaceRef()], resolve: (s) => s.nodes }),
    edges: t.field({
      type: [Edge],
      resolve: (s) => {
        const labels = new Map(s.nodes.map((n) => [n.id, n.label]));
        return s.edges.map((e) => ({ ...e, labels }));
      },
    }),
    export: t.string({
      description: 'The whole subgraph as a file: JSON, GraphML, Cypher statements or CSV.',
      args: { format: t.arg({ type: ExportFormat, required: true }) },
      resolve: (s, { format }) => exportSlice(s, format),
    }),
  }),
});

builder.queryField('path', (t) =>
  t.field({
    type: Subgraph,
    nullable: true,
    description: `The shortest chain of facts (not mentions) between two nodes (global or graph ids), at most maxLength (≤ ${MAX_PATH_LENGTH}) steps. Null when there is none.`,
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxLength: t.arg.int({ required: false, defaultValue: 4 }),
    },
    resolve: (_root, args, ctx) => shortestPath(ctx.graph, graphId(String(args.from)), graphId(String(args.to)), args.maxLength ?? 4),
  }),
);

builder.queryField('subgraph', (t) =>
  t.field({
    type: Subgraph,
    nullable: true,
    description: `Everything within depth (≤ ${MAX_SUBGRAPH_DEPTH}) fact relationships of a node, optionally only some types; at most 500 nodes. Null when the root is unknown.`,
    args: {
      root: t.arg.id({ required: true }),
      depth: t.arg.int({ required: false, defaultValue: 1 }),
      types: t.arg({ type: [NodeType], required: false }),
    },
    resolve: (_root, args, ctx) => subgraph(ctx.graph, graphId(String(args.root)), args.depth ?? 1, args.types ?? null),
  }),
);
