import { describe, expect, it } from 'vitest';
import { GraphRowError, NODE_SCHEMAS, parseNode, parseNodeOf, parseNodeWithWalks, parseWalked } from '../../src/graph/records.js';
import { NODE_LABELS, type NodeLabel } from '../../src/model/index.js';

const article = {
  label: 'Article',
  id: 'article:1',
  title: '石家庄市推进审批改革',
  date: '2024-03-01',
  source: 'seeds/001.md',
  url: 'https://example.org/1',
  contentHash: 'abc',
  extractorVersion: '0.3.0',
  encoding: 'utf-8',
};

/** A row of each label as `nodeProjection` returns it, a property a null would leave out left out. */
const ROWS: Record<NodeLabel, Record<string, unknown>> = {
  Region: { label: 'Region', id: 'region:1301', name: '石家庄市', aliases: ['石家庄'], level: 'CITY', code: '1301' },
  Agency: { label: 'Agency', id: 'agency:石家庄市行政审批局', name: '石家庄市行政审批局', aliases: [], type: 'Agency', kind: 'DEPARTMENT', region: '石家庄市', regionId: 'region:1301' },
  Official: { label: 'Official', id: 'official:张三', name: '张三', aliases: [], type: 'Official', title: '局长', region: '石家庄市', agency: '石家庄市行政审批局' },
  Program: { label: 'Program', id: 'program:三证齐发@region:1301', name: '三证齐发', aliases: [], type: 'Program', kind: 'REFORM', categories: ['approval'], region: '石家庄市' },
  Policy: { label: 'Policy', id: 'policy:关于深化改革的意见', name: '关于深化改革的意见', aliases: [], type: 'Policy' },
  Enterprise: { label: 'Enterprise', id: 'enterprise:某公司', name: '某公司', aliases: [], type: 'Enterprise' },
  Indicator: { label: 'Indicator', id: 'indicator:APPROVAL_TIME', name: 'APPROVAL_TIME' },
  Outcome: {
    label: 'Outcome',
    id: 'outcome:1',
    indicator: 'APPROVAL_MATERIALS',
    status: 'ACHIEVED',
    subject: '审批要件',
    beforeText: '139个',
    beforeValue: 139,
    beforeUnit: '个',
    afterText: '74个',
    afterValue: 74,
    afterUnit: '个',
    changeText: '65个',
    changeValue: -65,
    changeUnit: '个',
    changePercent: -46.8,
    direction: 'DECREASE',
    articles: ['article:1'],
    sentences: ['审批要件由139个压缩至74个。'],
    evidenceArticles: [article],
  },
  Article: article,
};

describe('graph records', () => {
  it.each(NODE_LABELS)('parses a %s row', (label) => {
    const row = parseNode(ROWS[label]);
    expect(row.label).toBe(label);
    expect(row.id).toBe(ROWS[label].id);
    expect(parseNodeOf(label, ROWS[label])).toEqual(row);
  });

  it('reads a property the graph left out (Neo4j stores no nulls) as null or an empty list', () => {
    const { status, program, ...old } = ROWS.Outcome;
    const outcome = parseNodeOf('Outcome', { ...old, evidenceArticles: undefined });
    expect(outcome).toMatchObject({ status: null, program: null, evidenceArticles: [] });
    expect(parseNodeOf('Program', { label: 'Program', id: 'program:x', name: 'x' })).toMatchObject({ kind: null, categories: [], aliases: [], region: null });
  });

  it('fails a row without a required field, naming the label, the row and the field', () => {
    const { indicator, ...row } = ROWS.Outcome;
    expect(() => parseNode(row)).toThrow(GraphRowError);
    expect(() => parseNode(row)).toThrow(/^Outcome row outcome:1 from the graph: indicator: missing$/);
    const { contentHash, ...withoutHash } = article;
    expect(() => parseNode({ ...ROWS.Outcome, evidenceArticles: [withoutHash] })).toThrow(/^Outcome row outcome:1 from the graph: evidenceArticles\.0\.contentHash: missing$/);
    expect(() => parseNodeOf('Region', { ...ROWS.Region, level: 'VILLAGE' })).toThrow(/^Region row region:1301 from the graph: level: Invalid option: expected one of "PROVINCE"/);
    expect(() => parseNode({ ...ROWS.Region, label: 'Entity' })).toThrow(/^Entity row region:1301 from the graph: label: not one of Region, Agency, /);
  });

  it('drops properties it does not know', () => {
    const agency = parseNode({ ...ROWS.Agency, legacyScore: 3 });
    expect(agency).not.toHaveProperty('legacyScore');
    // `type` repeats the label: the record keeps the label only.
    expect(agency).not.toHaveProperty('type');
    expect(Object.keys(agency).sort()).toEqual(Object.keys(NODE_SCHEMAS.Agency.shape).sort());
  });

  it('parses walked nodes to any depth, with their support', () => {
    const raw = {
      ...ROWS.Program,
      walked: {
        w0: [{ ...ROWS.Region, support: { articles: ['article:1'], sentences: ['…'], extra: 1 }, supportArticles: [article] }],
        w1: [{ ...ROWS.Outcome, support: { articles: ['article:1'], sentences: ['…'] }, walked: { w0: [{ ...ROWS.Region, support: {} }] } }],
      },
    };
    const program = parseNodeWithWalks(raw);
    const [region] = program.walked!.w0!;
    expect(region).toMatchObject({ label: 'Region', support: { articles: ['article:1'] }, supportArticles: [{ label: 'Article', id: 'article:1' }] });
    expect(region!.support).not.toHaveProperty('extra');
    expect(program.walked!.w1![0]!.walked!.w0![0]).toMatchObject({ label: 'Region', support: {} });
    // A root row's own support, had it any, is not a walk's: only walked rows keep it.
    expect(parseNodeWithWalks({ ...ROWS.Region, support: { title: 'x' } })).not.toHaveProperty('support');
  });

  it('names the row whose walk or support is malformed', () => {
    expect(() => parseWalked({ ...ROWS.Official, support: { title: 3 } })).toThrow(/^Official row official:张三 from the graph: support\.title: Invalid input: expected string, received number$/);
    expect(() => parseNodeWithWalks({ ...ROWS.Program, walked: { w0: 'x' } })).toThrow(/^Program row .* walked\.w0: Invalid input: expected array/);
    expect(() => parseNodeWithWalks({ ...ROWS.Program, walked: { w0: [{ ...ROWS.Region, name: null }] } })).toThrow(/^Region row region:1301 from the graph: name: Invalid input: expected string, received null$/);
  });
});
