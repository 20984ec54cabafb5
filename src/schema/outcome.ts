import { achievedBy, inRegion, measures, reportedBetween, where, withStatus } from '../graph/filters.js';
import type { IndicatorRecord, OutcomeRecord } from '../graph/records.js';
import { CHANGE_DIRECTIONS, INDICATORS, type ChangeDirection as ChangeDirectionValue, type OutcomeStatus as OutcomeStatusValue } from '../model/index.js';
import { builder } from './builder.js';
import { listAndPrime } from './lookahead.js';
import { Evidence, evidenceOf, walkConnection, walkOne } from './common.js';
import { pageOffsets } from './paging.js';
import { Article, Indicator, isLabel, Outcome, Program, Region } from './refs.js';
import { RegionFilter } from './region.js';

export const IndicatorName = builder.enumType('IndicatorName', {
  description: 'What an outcome measures.',
  values: INDICATORS,
});

export const OutcomeStatus = builder.enumType('OutcomeStatus', {
  description: 'Whether the article reports an outcome as done or as a plan.',
  // Every status of the model, each with its description: a new status fails here until it has one.
  values: {
    ACHIEVED: { value: 'ACHIEVED', description: 'Reported as done: 审批要件由139个压缩至74个.' },
    TARGET: { value: 'TARGET', description: 'A plan or goal: 力争到2025年压缩至30个工作日以内.' },
  } as const satisfies { [S in OutcomeStatusValue]: { value: S; description: string } },
});

interface QuantityRecord {
  text: string;
  value: number;
  unit: string;
}

const Quantity = builder.objectRef<QuantityRecord>('Quantity').implement({
  description: 'An amount as the article writes it (1-2小时), with its value (the upper end of a range) and normalised unit.',
  fields: (t) => ({
    text: t.exposeString('text'),
    value: t.exposeFloat('value'),
    unit: t.exposeString('unit', { description: '天, 工作日, 小时, 分钟, 个月, 项, 个, 件, %, 万元, 亿元 …' }),
  }),
});

const ChangeDirection = builder.enumType('ChangeDirection', { values: CHANGE_DIRECTIONS });

const Change = builder.objectRef<QuantityRecord & { percent: number | null; direction: ChangeDirectionValue }>('Change').implement({
  fields: (t) => ({
    text: t.exposeString('text'),
    value: t.exposeFloat('value', { description: 'Signed: a cut is negative.' }),
    unit: t.exposeString('unit'),
    percent: t.exposeFloat('percent', { nullable: true, description: 'Signed percentage of the old value, when it can be known.' }),
    direction: t.field({ type: ChangeDirection, resolve: (c) => c.direction }),
  }),
});

const quantity = (o: OutcomeRecord, prefix: 'before' | 'after'): QuantityRecord | null => {
  const value = o[`${prefix}Value`];
  return value === null ? null : { text: o[`${prefix}Text`] ?? '', value, unit: o[`${prefix}Unit`] ?? '' };
};

Indicator.implement({
  description: 'One of the fixed indicators outcomes are measured by.',
  isTypeOf: isLabel('Indicator'),
  fields: (t) => ({
    name: t.field({ type: IndicatorName, resolve: (i) => i.name }),
    outcomes: walkConnection(t, Outcome, 'indicatorOutcomes', 'The outcomes it measures.'),
  }),
});

Outcome.implement({
  description: 'One quantified change or service level: 审批要件由139个压缩至74个.',
  isTypeOf: isLabel('Outcome'),
  fields: (t) => ({
    subject: t.exposeString('subject', { description: 'What changed: 审批要件, 通关时间.' }),
    // The indicator is a fixed vocabulary stored on the outcome too: no round trip needed.
    indicator: t.field({ type: Indicator, resolve: (o): IndicatorRecord => ({ id: `indicator:${o.indicator}`, name: o.indicator, label: 'Indicator' }) }),
    // Outcomes written before status existed are achievements.
    status: t.field({ type: OutcomeStatus, description: 'Done (ACHIEVED) or planned (TARGET).', resolve: (o) => o.status ?? 'ACHIEVED' }),
    before: t.field({ type: Quantity, nullable: true, resolve: (o) => quantity(o, 'before') }),
    after: t.field({ type: Quantity, nullable: true, resolve: (o) => quantity(o, 'after') }),
    change: t.field({
      type: Change,
      nullable: true,
      resolve: (o) =>
        o.changeValue === null
          ? null
          : { text: o.changeText ?? '', value: o.changeValue, unit: o.changeUnit ?? '', percent: o.changePercent, direction: o.direction ?? 'DECREASE' },
    }),
    region: walkOne(t, Region, 'outcomeRegion', 'Where it was achieved.'),
    program: walkOne(t, Program, 'outcomePrograms', 'The program of the sentence (or paragraph) that reports it.'),
    evidence: t.field({ type: [Evidence], description: 'Every sentence that reports it, with its article.', resolve: (o) => evidenceOf(o, o.evidenceArticles) }),
    articles: walkConnection(t, Article, 'outcomeArticles', 'The articles that report it.'),
  }),
});

const OutcomeWhere = builder.inputType('OutcomeWhere', {
  fields: (t) => ({
    region: t.field({ type: RegionFilter, required: false }),
    indicators: t.field({ type: [IndicatorName], required: false }),
    program: t.string({ required: false, description: 'Achieved by this program (name or id).' }),
    status: t.field({ type: [OutcomeStatus], required: false, description: 'Only achieved changes, only targets, or both (the default).' }),
    since: t.string({ required: false }),
    until: t.string({ required: false }),
  }),
});

const OutcomeOrder = builder.enumType('OutcomeOrder', {
  values: {
    IMPROVEMENT_DESC: { value: 'IMPROVEMENT_DESC', description: 'Largest change first, as a share of the old value.' },
    DATE_DESC: { value: 'DATE_DESC', description: 'Most recently reported first.' },
  } as const,
});

builder.queryField('outcomes', (t) =>
  t.connection({
    type: Outcome,
    args: {
      where: t.arg({ type: OutcomeWhere, required: false }),
      orderBy: t.arg({ type: OutcomeOrder, required: false, defaultValue: 'IMPROVEMENT_DESC' }),
    },
    resolve: (_root, args, ctx, info) => {
      const w = args.where;
      const filter = where(inRegion('Outcome', w?.region), measures(w?.indicators), achievedBy(w?.program), withStatus(w?.status), reportedBetween(w?.since, w?.until));
      return pageOffsets(args, listAndPrime(ctx, info, 'Outcome', filter, args.orderBy ?? 'IMPROVEMENT_DESC'));
    },
  }),
);
