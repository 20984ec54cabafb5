import { describe, expect, it } from 'vitest';
import { RegionContext } from '../../src/extract/context.js';
import { OUTCOME_PATTERNS, classifyIndicator, findOutcomes } from '../../src/extract/outcomes.js';
import { MAX_QUANTITY_VALUE, parseChineseNumber, parseQuantity } from '../../src/extract/quantities.js';
import { splitSentences } from '../../src/extract/sentences.js';
import type { ExtractedOutcome } from '../../src/model/index.js';
import { extract } from './extract-helpers.js';

/** What a test compares of an outcome: its numbers, unit, status and indicator. */
const summary = (o: ExtractedOutcome) => ({
  indicator: o.indicator,
  status: o.status,
  before: o.before?.value ?? null,
  after: o.after?.value ?? null,
  change: o.change?.value ?? null,
  unit: o.after?.unit ?? o.change?.unit ?? o.before?.unit ?? null,
});
const values = (text: string) => extract(text).outcomes.map(summary);

describe('parseQuantity', () => {
  it.each([
    ['64项', { value: 64, unit: '项' }],
    ['13个工作日', { value: 13, unit: '工作日' }],
    ['1-2小时', { value: 2, low: 1, high: 2, unit: '小时' }],
    ['2~3个月', { value: 3, low: 2, high: 3, unit: '个月' }],
    ['2至3个月', { value: 3, low: 2, high: 3, unit: '个月' }],
    ['近90%', { value: 90, unit: '%', qualifier: '近' }],
    ['99%以上', { value: 99, unit: '%', qualifier: '以上' }],
    ['174.4天', { value: 174.4, unit: '天' }],
    ['一半', { value: 50, unit: '%' }],
    ['1/3', { value: 33.3, unit: '%' }],
    ['三分之一', { value: 33.3, unit: '%' }],
    ['近一半', { value: 50, unit: '%', qualifier: '近' }],
    ['四成', { value: 40, unit: '%' }],
    ['3日', { value: 3, unit: '天' }],
    // Chinese numerals, weeks, 多
    ['三十个工作日', { value: 30, unit: '工作日' }],
    ['二十三天', { value: 23, unit: '天' }],
    ['一百二十天', { value: 120, unit: '天' }],
    ['两个多月', { value: 2, unit: '个月' }],
    ['300多天', { value: 300, unit: '天' }],
    ['一周', { value: 7, unit: '天' }],
    ['2周', { value: 14, unit: '天' }],
    ['半天', { value: 0.5, unit: '天' }],
    ['5个百分点', { value: 5, unit: '百分点' }],
    ['8人', { value: 8, unit: '人' }],
    // Loose amounts: two numerals in a row are a range, 多/几/来 a qualifier on a round number
    ['五六个月', { value: 6, low: 5, high: 6, unit: '个月' }],
    ['两三天', { value: 3, low: 2, high: 3, unit: '天' }],
    ['三五个工作日', { value: 5, low: 3, high: 5, unit: '工作日' }],
    ['二十多天', { value: 20, unit: '天', qualifier: '多' }],
    ['十几份', { value: 10, unit: '份', qualifier: '几' }],
    ['十来天', { value: 10, unit: '天', qualifier: '来' }],
    ['一个多月', { value: 1, unit: '个月', qualifier: '多' }],
    ['一个月左右', { value: 1, unit: '个月', qualifier: '左右' }],
    ['个把月', { value: 1, unit: '个月', qualifier: '约' }],
    // 半个月 stays in months (0.5): units are the article's own, and 半个月 is not always 15 days.
    ['半个月', { value: 0.5, unit: '个月' }],
    ['四个环节', { value: 4, unit: '个' }],
    ['30秒', { value: 30, unit: '秒' }],
    ['超四成', { value: 40, unit: '%', qualifier: '超' }],
    ['过半', { value: 50, unit: '%', qualifier: '以上' }],
    ['零个工作日', { value: 0, unit: '工作日' }],
  ])('%s', (text, expected) => {
    expect(parseQuantity(text)).toMatchObject(expected);
  });

  it('reads no loose range from numerals that do not count up (五三天, 二〇二四)', () => {
    expect(parseQuantity('五三天')).toMatchObject({ value: 53 });
    expect(parseQuantity('五三天')).not.toHaveProperty('low');
    expect(parseQuantity('二〇二四天')).toMatchObject({ value: 2024 });
  });

  it('keeps the text of an absurd amount and says why its value is null', () => {
    const q = parseQuantity('99999999999项')!;
    expect(q).toMatchObject({ text: '99999999999项', value: null, unit: '项' });
    expect(q.note).toContain(String(MAX_QUANTITY_VALUE));
  });
});

describe('parseChineseNumber (hand-written: no numeral package is installed)', () => {
  it.each([
    ['五', 5],
    ['十', 10],
    ['十五', 15],
    ['二十三', 23],
    ['一百二十', 120],
    ['一百零五', 105],
    ['两千', 2000],
    ['三万五千', 35000],
    ['二〇二四', 2024],
    ['半', 0.5],
  ])('%s → %d', (text, n) => {
    expect(parseChineseNumber(text)).toBe(n);
  });

  it('refuses what is not a numeral', () => {
    expect(parseChineseNumber('审批')).toBeNull();
    expect(parseChineseNumber('万')).toBeNull();
  });
});

/**
 * One row per row of OUTCOME_PATTERNS (at least): the pattern's name, a sentence of our own
 * (not from the seeds or the dev set), and the outcome it states.
 */
const PATTERN_ROWS: Array<[string, string, Partial<ReturnType<typeof summary>>]> = [
  ['parallel', '一般、重大类项目审批时限由2021年的40、60天分别压减至25、35天。', { before: 40, after: 25, change: -15, unit: '天' }],
  ['parallel', '水电气报装时间分别由15天、12天、10天压缩至5天、4天、3天。', { before: 10, after: 3, change: -7, unit: '天', indicator: 'APPROVAL_TIME' }],
  ['parallelTo', '市县两级审批时限分别压缩至35个、20个工作日。', { after: 20, unit: '工作日' }],
  ['parallelTo', '全县网上可办和“跑一次”事项的比例分别达到95.5%、88.2%。', { after: 88.2, unit: '%' }],
  ['parallelBy', '申报材料、办理时间、跑动次数分别减少60%、45%、70%。', { change: -45, unit: '%' }],
  ['parallelBy', '网办率和满意率同比分别提高3.5、1.2个百分点。', { change: 1.2, unit: '百分点' }],
  ['fromTo', '企业开办时间从2020年的12天降到了目前的2天。', { before: 12, after: 2, change: -10, unit: '天', indicator: 'APPROVAL_TIME' }],
  ['fromTo', '涉企审批事项从2018年的60项精简至2022年的42项。', { before: 60, after: 42, change: -18, unit: '项' }],
  ['fromTo', '用水报装时限由去年同期的25天压减到现在的9天。', { before: 25, after: 9, change: -16 }],
  ['fromTo', '二手房转移登记时间由改革前的20个工作日缩减到了4个工作日。', { before: 20, after: 4, change: -16, unit: '工作日' }],
  ['fromTo', '审查时间从过去的平均50天缩短为目前的12天。', { before: 50, after: 12, change: -38 }],
  ['fromTo', '登记环节由9个压减至3个。', { before: 9, after: 3, change: -6, unit: '个', indicator: 'APPROVAL_ITEMS' }],
  ['fromTo', '审批时间由三十个工作日压缩至五个工作日。', { before: 30, after: 5, change: -25, unit: '工作日', indicator: 'APPROVAL_TIME' }],
  ['fromTo', '申报材料由50项减少到30项，精减率达40%。', { before: 50, after: 30, change: -40, unit: '项', indicator: 'APPROVAL_MATERIALS' }],
  ['fromTo', '施工图审查时间由2022年的20天缩短到8天。', { before: 20, after: 8, change: -12 }],
  ['fromTo', '窗口值守人员由每天12人减至3到5人。', { before: 12, after: 5, unit: '人' }],
  ['pairedChange', '排队时间至少40分钟缩短到10分钟。', { before: 40, after: 10, change: -30, unit: '分钟' }],
  ['formerlyTo', '以前要提交的16份表格一次压减至4份。', { before: 16, after: 4, change: -12, unit: '份' }],
  ['formerlyNow', '过去领执照要一周，现在当天就能拿到。', { before: 7, after: 1, change: -6, unit: '天', indicator: 'APPROVAL_TIME' }],
  ['formerlyNow', '以前办一次不动产登记要跑两个月。现在9个工作日就办好了。', { before: 2, after: 9 }],
  ['formerlyNow', '以往，一家门店从申请到开业一般需要二十天，如今在网上一次申报，三天就能领证。', { before: 20, after: 3, change: -17, unit: '天' }],
  ['to', '高压接电时间缩短至12个工作日。', { after: 12, unit: '工作日' }],
  ['to', '把企业注销环节精简为“申请、审核、发证”三环节。', { after: 3, unit: '环节', indicator: 'APPROVAL_ITEMS' }],
  ['to', '今年这项业务的办理时间降到了4天。', { after: 4, unit: '天' }],
  ['to', '并联审批把验收流程压缩为3个环节、15个工作日以内。', { after: 3, unit: '个' }],
  ['to', '并联审批把验收流程压缩为3个环节、15个工作日以内。', { after: 15, unit: '工作日' }],
  ['formerlyNow', '以前办理施工许可要四五个月，现在一个月左右就能拿到。', { before: 5, after: 1, change: -4, unit: '个月' }],
  ['formerlyNow', '以前开个小超市至少等一周，现在两天就拿到营业执照。', { before: 7, after: 2, change: -5, unit: '天' }],
  ['formerlyNow', '以前办理社保转移需要跑4次；现在实现“零跑动”。', { before: 4, after: 0, change: -4, unit: '次' }],
  ['formerlyNow', '过去开餐馆要准备十几份材料，现在一张表格、一个窗口，三个工作日就能办完。', { before: 10, after: null, unit: '份' }],
  ['formerlyNow', '过去开餐馆要准备十几份材料，现在一张表格、一个窗口，三个工作日就能办完。', { before: null, after: 3, unit: '工作日' }],
  ['formerlyNow', '原来审批要经过60多个环节，现在压减为五个环节。', { before: 60, after: 5, change: -55, unit: '个' }],
  ['formerly', '原来办理消防验收需要45天，如今大为缩短。', { before: 45, after: null, change: null }],
  ['timeGained', '并联审批为企业抢出12天。', { change: -12, unit: '天' }],
  ['timeGained', '容缺受理为项目赢得了宝贵的30天。', { change: -30, unit: '天' }],
  ['earlier', '新厂房比原定计划提前了两个月投产。', { change: -2, unit: '个月', status: 'ACHIEVED' }],
  ['compared', '企业开办平均用时2.5天，比上年缩短1天。', { after: 2.5, change: -1 }],
  ['compared', '项目从立项到开工比过去少用了25天。', { change: -25, unit: '天' }],
  ['compared', '承诺件按时办结占比较上年提高了12个百分点。', { change: 12, unit: '百分点' }],
  ['statedRate', '涉企审批事项减少比例达35.5%。', { change: -35.5, unit: '%' }],
  ['by', '城区不动产登记时间压缩了近70%。', { change: -70, unit: '%' }],
  ['byWhat', '联合验收提升审批效率40%以上。', { change: 40, unit: '%' }],
  ['byWhat', '“一表申请”减少申请材料12份。', { change: -12, unit: '份', indicator: 'APPROVAL_MATERIALS' }],
  ['byWhat', '并联审批压缩办理时间三分之二以上。', { change: -66.7, unit: '%' }],
  ['by', '全市审批时间压缩了近一半。', { change: -50, unit: '%' }],
  ['moneySaved', '集中采购为中小企业减少开支约900万元。', { change: -900, unit: '万元', indicator: 'COST' }],
  ['by', '企业办电成本减少5万元。', { change: -5, unit: '万元', indicator: 'COST' }],
  ['took', '从拿地到开工全过程仅用时15天。', { after: 15, unit: '天' }],
  ['took', '企业开办最快只需0.5个工作日。', { after: 0.5, unit: '工作日', indicator: 'APPROVAL_TIME' }],
  ['took', '一件事平均办理时间为2.5天。', { after: 2.5, unit: '天' }],
  ['sameDayPair', '办理居住证实行当日受理、当日办结。', { after: 1, unit: '天' }],
  ['sameDayPair', '新生儿落户做到当天申请当天发证。', { after: 1, unit: '天' }],
  ['sameDayPair', '重点项目基本实现当日收件、当日审批。', { after: 1, unit: '天' }],
  ['within', '对小微企业，备案类事项当天办理。', { after: 1, unit: '天' }],
  ['fromTo', '土地出让后的开工审批时间从60个工作日分阶段压缩至目前的零个工作日。', { before: 60, after: 0, change: -60 }],
  ['withinModal', '签约后3个工作日即可完成全部审批。', { after: 3, unit: '工作日' }],
  ['withinModal', '企业3个工作日即可拿证。', { after: 3, unit: '工作日', indicator: 'APPROVAL_TIME' }],
  ['withinModal', '群众反映的积水问题两天就解决了。', { after: 2, unit: '天' }],
  ['within', '个体户登记两个工作日内办结。', { after: 2, unit: '工作日' }],
  ['within', '新厂区的环评和能评审批在一周内全部办完。', { after: 7, unit: '天', indicator: 'APPROVAL_TIME' }],
  ['within', '环保投诉实行1小时响应、3日内办结。', { after: 1, unit: '小时' }],
  ['within', '环保投诉实行1小时响应、3日内办结。', { after: 3, unit: '天' }],
  ['rate', '即办件占比达98%。', { after: 98, unit: '%' }],
  ['rate', '全区企业开办全程网办率已经达到96%。', { after: 96, unit: '%', indicator: 'ONLINE_RATE' }],
  ['rate', '政务大厅群众满意率超99%。', { after: 99, unit: '%', indicator: 'SATISFACTION' }],
  ['online', '287个事项100%全流程网上办理。', { after: 100, unit: '%', indicator: 'ONLINE_RATE' }],
  ['share', '全市98%的事项实现马上办。', { after: 98, unit: '%' }],
  ['share', '全县95%以上政务服务事项全程网办。', { after: 95, unit: '%', indicator: 'ONLINE_RATE' }],
  ['statedRate', '综合平均压减率超60%。', { change: -60, unit: '%' }],
  ['statedRate', '全区申请材料精简比例、办理时限压减比例均超65%。', { change: -65, unit: '%', indicator: 'APPROVAL_MATERIALS' }],
  ['statedRate', '全区申请材料精简比例、办理时限压减比例均超65%。', { change: -65, unit: '%', indicator: 'PROCESSING_TIME' }],
  ['keptAt', '网上申请的备案事项办理时限不得超过1个工作日。', { after: 1, unit: '工作日' }],
  ['took', '跨部门档案调取所需时间一般仅为半天。', { after: 0.5, unit: '天' }],
  ['within', '对于咨询类诉求，2小时内予以答复。', { after: 2, unit: '小时' }],
  ['byWhat', '12个“一件事”精简材料超四成。', { change: -40, unit: '%', indicator: 'APPROVAL_MATERIALS' }],
  ['by', '审批环节精简了35%。', { change: -35, unit: '%', indicator: 'APPROVAL_ITEMS' }],
  ['by', '全区审批事项削减了42.5%。', { change: -42.5, unit: '%', indicator: 'APPROVAL_ITEMS' }],
  ['took', '联合验收全程耗时不超过10个工作日。', { after: 10, unit: '工作日' }],
  ['keptAt', '个体户变更登记时间已连续两年稳定在半个工作日以内。', { after: 0.5, unit: '工作日' }],
];

describe('outcome patterns (each row of OUTCOME_PATTERNS has a row here)', () => {
  it('has a table row for every pattern', () => {
    const tested = new Set(PATTERN_ROWS.map(([name]) => name));
    expect(OUTCOME_PATTERNS.map((p) => p.name).filter((n) => !tested.has(n))).toEqual([]);
  });

  it.each(PATTERN_ROWS)('%s: %s', (name, text, expected) => {
    const pattern = OUTCOME_PATTERNS.find((p) => p.name === name)!;
    expect(new RegExp(pattern.re.source, pattern.re.flags).test(text), `${name} matches`).toBe(true);
    const found = values(text);
    expect(found, JSON.stringify(found)).toContainEqual(expect.objectContaining({ status: 'ACHIEVED', ...expected }));
  });
});

describe('outcomes', () => {
  it.each([
    // Seeds
    ['全流程审批事项由64项压减至32项。', 'APPROVAL_ITEMS', 64, 32, -32],
    ['审批要件由139个压缩至74个。', 'APPROVAL_MATERIALS', 139, 74, -65],
    ['网上勘验时间件均由1-2小时减至5-10分钟。', 'PROCESSING_TIME', 2, 10, null],
    ['高压客户平均办理时间缩短至13个工作日。', 'PROCESSING_TIME', null, 13, null],
    // Not from the seeds
    ['杭州市企业开办时间从3个工作日压缩到1个工作日。', 'APPROVAL_TIME', 3, 1, -2],
    ['南京市工程建设项目审批环节由12个精简为6个。', 'APPROVAL_ITEMS', 12, 6, -6],
    ['郑州市申请材料从20份减少到8份，办理时限缩短至5天。', 'PROCESSING_TIME', null, 5, null],
    ['郑州市申请材料从20份减少到8份，办理时限缩短至5天。', 'APPROVAL_MATERIALS', 20, 8, -12],
  ])('%s', (text, indicator, before, after, change) => {
    const { outcomes } = extract(text);
    const o = outcomes.find((x) => (x.after?.value ?? null) === after && (x.before?.value ?? null) === before)!;
    expect(o, JSON.stringify(outcomes)).toBeDefined();
    expect(o.indicator).toBe(indicator);
    expect(o.change?.value ?? null).toBe(change);
  });

  it('reads a stated change: 压缩了近90%, 缩短了1/3, 比上年减少76.1天', () => {
    expect(values('石家庄海关通关时间较之前压缩了近90%。')).toEqual([expect.objectContaining({ indicator: 'CUSTOMS_TIME', change: -90, unit: '%' })]);
    expect(values('深圳市不动产登记时间缩短了1/3。')).toEqual([expect.objectContaining({ change: -33.3, unit: '%' })]);
    const o = extract('今年1~9月自立项到取得施工许可证平均用时174.4天，比2022年减少76.1天。').outcomes;
    expect(o.map((x) => [x.indicator, x.after?.value ?? null, x.change?.value ?? null])).toEqual([['APPROVAL_TIME', 174.4, -76.1]]);
    expect(o[0]!.subject).toContain('施工许可证');
  });

  it('reads service levels: N个工作日内办结, rates, 100%网上办理', () => {
    expect(values('武汉市企业登记注册4小时内办结。')).toEqual([expect.objectContaining({ indicator: 'APPROVAL_TIME', after: 4, unit: '小时' })]);
    expect(values('全市政务服务事项网办率达到98.5%。')).toEqual([expect.objectContaining({ indicator: 'ONLINE_RATE', after: 98.5 })]);
    expect(values('群众满意率99.06%。')).toEqual([expect.objectContaining({ indicator: 'SATISFACTION' })]);
  });

  it.each([
    ['全年固定资产投资增长12%，营业收入增速保持在10%以上，总投资249.3亿元。'],
    ['假期景区客流量比去年同期增加了两成。'],
    ['全省PM2.5平均浓度下降了12%。'],
    ['增加就业岗位300个。'],
    // a rule for applicants, not time saved
    ['办理业务需提前1天预约。'],
    // a construction schedule, not a government process
    ['该项目总投资5亿元，计划3年内建成，2个月内完成主体工程。'],
  ])('leaves statistics and schedules alone: %s', (text) => {
    expect(extract(text).outcomes).toEqual([]);
  });

  it('links an outcome to the program and region of its sentence, with evidence offsets', () => {
    const a = extract('济南市历城区推行“拿地即开工”，审批时间由30天压缩至7天。');
    const [o] = a.outcomes;
    expect(o!.region).toBe('region:370112');
    expect(a.entities.find((e) => e.id === o!.program)?.name).toBe('拿地即开工');
    expect(a.text.slice(o!.evidence.start, o!.evidence.end)).toBe('由30天压缩至7天');
    expect(a.relations).toContainEqual(expect.objectContaining({ type: 'ACHIEVED', from: o!.program, to: o!.id }));
  });

  it.each([
    ['通关时间', '%', 'CUSTOMS_TIME'],
    ['办件满意率', '%', 'SATISFACTION'],
    ['企业开办全流程网办率', '%', 'ONLINE_RATE'],
    ['审批要件', '个', 'APPROVAL_MATERIALS'],
    ['申请材料', '份', 'APPROVAL_MATERIALS'],
    ['审批事项', '项', 'APPROVAL_ITEMS'],
    ['企业办电成本', '万元', 'COST'],
    ['施工许可办理时间', '天', 'APPROVAL_TIME'],
    ['用水报装时间', '天', 'APPROVAL_TIME'],
    ['用气接入时间', '个工作日', 'APPROVAL_TIME'],
    ['热线响应时间', '分钟', 'PROCESSING_TIME'],
    ['跑腿次数', '次', 'OTHER'],
    ['接通率', '%', 'OTHER'],
  ])('%s (%s) measures %s', (subject, unit, indicator) => {
    expect(classifyIndicator(subject, unit === '个工作日' ? '工作日' : unit)).toBe(indicator);
  });
});

describe('subjects', () => {
  it.each([
    ['改革后开办门店的时间却缩短了一半。', '开办门店的时间'],
    ['下一步，全市将推动不动产登记时间压缩至1个工作日。', '不动产登记时间'],
    ['群众办事实现当天申请、当天发证。', '群众办事'],
    ['原来审批必须要经过8个环节。', '审批'],
    ['下一步，我们将力争把园区项目从拿地到开工的时间进一步压缩至15天。', '园区项目从拿地到开工的时间'],
    ['全区承诺件占比较上年提高了9个百分点。', '全区承诺件占比'],
    ['全年涉企检查次数同比下降28%。', '全年涉企检查次数'],
    ['力争年底前个体户登记全程网办率达到99%。', '个体户登记全程网办率'],
    ['以往，一家门店从申请到开业一般需要二十天，如今在网上一次申报，三天就能领证。', '一家门店从申请到开业'],
  ])('%s → %s', (text, subject) => {
    expect(extract(text).outcomes.map((o) => o.subject)).toEqual([subject]);
  });
});

describe('wordings that need more than one match', () => {
  it('pairs a parallel list item by item, and emits nothing when the counts differ', () => {
    const found = extract('一般、重大类项目审批时限由2021年的40、60天分别压减至25、35天。').outcomes;
    expect(found.map((o) => [o.subject, o.before?.value, o.after?.value])).toEqual([
      ['一般类项目审批时限', 40, 25],
      ['重大类项目审批时限', 60, 35],
    ]);
    expect(values('水电气报装时间分别由15天、12天、10天压缩至5天、4天、3天。').map((o) => [o.before, o.after])).toEqual([
      [15, 5],
      [12, 4],
      [10, 3],
    ]);
    expect(values('水电气报装时间分别由15天、12天、10天压缩至5天、4天。')).toEqual([]);
  });

  it('states a merged reduction rate once: 由50项减少到30项，精减率达40%', () => {
    expect(values('申报材料由50项减少到30项，精减率达40%。')).toEqual([expect.objectContaining({ before: 50, after: 30, change: -40 })]);
  });

  it('reads a stated percentage after a level as that level’s change', () => {
    expect(values('全流程审批时间压减到45个工作日以内，比改革前缩短了一半以上。')).toEqual([expect.objectContaining({ after: 45, change: -50 })]);
  });

  it('reads before and after across neighbouring sentences, with both sentences as evidence', () => {
    const a = extract('以前办一次不动产登记要跑两个月。现在9个工作日就办好了。');
    expect(a.outcomes.map(summary)).toEqual([expect.objectContaining({ before: 2, after: 9 })]);
    expect(a.outcomes[0]!.evidence.sentence).toBe('以前办一次不动产登记要跑两个月。现在9个工作日就办好了。');
  });

  it('gives 这一时间 / 这个数字 the value stated a sentence before as its before', () => {
    expect(values('改革前，一个厂房项目从拿地到开工一般需要四十个工作日。今年以来，这一时间已经压缩至十个工作日。')).toEqual([
      expect.objectContaining({ before: 40, after: 10, change: -30 }),
    ]);
    expect(values('2021年，办理一件不动产抵押登记平均需要5个工作日。今年这个数字降到了1个工作日。')).toEqual([expect.objectContaining({ before: 5, after: 1 })]);
  });

  it('keeps an absurd value as text with a null value, and no arithmetic on it', () => {
    const [o] = extract('审批事项由99999999999项压减至1项。').outcomes;
    expect(o!.before).toMatchObject({ text: '99999999999项', value: null });
    expect(o!.before!.note).toBeTruthy();
    expect(o!.after?.value).toBe(1);
    expect(o!.change).toBeNull();
    expect(JSON.stringify(extract('审批事项由99999999999项压减至1项。'))).not.toMatch(/Infinity|NaN/u);
  });

  it('reads no day count from a date, an ordinal or an anniversary', () => {
    expect(values('新系统于6月1日上线，上线运行一周年。')).toEqual([]);
    expect(values('项目第二周就拿到了许可证。')).toEqual([]);
  });

  it.each([
    // A goal of zero is a number only where an old value is stated before it.
    ['全面推行证明事项告知承诺制，实现“零跑动”。'],
    // Opening hours and the definition of a rate are not service levels.
    ['自助服务区提供7×24小时响应。'],
    // Bank balances and energy statistics are not how government works.
    ['全市存贷款余额同比分别提高2.1、1.4个百分点。'],
    ['全省清洁能源利用率达到96.5%。'],
    // Workload volumes are statistics, and no shorter pattern reads their change without the subject.
    ['今年以来，大厅共受理诉求28万件，同比下降9.5%。'],
    ['全年受理群众来电9万件，较上年下降6%。'],
    // A share of the legal time limit is where the time got to, not a cut of that share.
    ['其他事项的办理时间一律压缩到法定时限的40%。'],
    // A count of measures issued is not a cut.
    ['全市今年出台减税降费政策5项。'],
    // 当天 as "that day" in a story.
    ['张女士当天办理了变更手续。'],
    // 等 in a list of documents is not 等 (wait).
    ['以前营业执照等证件都要现场领取。'],
  ])('reads no outcome from: %s', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('keeps a change stated after a from-to as that outcome’s change, not a second outcome', () => {
    const found = values('全县审批事项由240项减少到126项，减少近一半。');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ before: 240, after: 126, change: -50 });
  });

  it('pairs a new count with the old count of the same noun across ；(以前…材料18份；现在…材料精简到6份)', () => {
    const found = values('以开办便利店为例，过去要到三个部门办理，涉及4个环节、提交材料18份；现在只需1个环节，材料精简到6份。');
    expect(found).toContainEqual(expect.objectContaining({ before: 4, after: 1, indicator: 'APPROVAL_ITEMS' }));
    expect(found).toContainEqual(expect.objectContaining({ before: 18, after: 6, change: -12, indicator: 'APPROVAL_MATERIALS' }));
  });

  it('gives 同比分别提高 the rates the sentence just stated, in order', () => {
    const { outcomes } = extract('全年热线办结率为97.2%、回访满意率为95.1%，同比分别提高1.3、0.8个百分点。');
    const changes = outcomes.filter((o) => o.change?.unit === '百分点').map((o) => [o.subject, o.change!.value]);
    expect(changes).toEqual([['全年热线办结率', 1.3], ['回访满意率', 0.8]]);
  });

  it('reads an old value stated alone and then again as a from-to’s before once', () => {
    const found = values('此前，从签订出让合同到开工，审批需要60个工作日左右。通过改革，审批时间从60个工作日压缩至5个工作日。');
    expect(found).toEqual([expect.objectContaining({ before: 60, after: 5, change: -55 })]);
  });

  it('reads visits (跑动次数) as OTHER even where the sentence names materials', () => {
    const found = values('全市申报材料精简至3个，平均跑动次数减少到0.5次以下。');
    expect(found).toContainEqual(expect.objectContaining({ after: 0.5, indicator: 'OTHER' }));
  });

  it('reads a rate defined by a time (15秒内接通率) as the rate, not a time', () => {
    expect(values('政务热线15秒内接通率达到92%。')).toEqual([expect.objectContaining({ after: 92, unit: '%' })]);
  });

  it('does not pair an old count with a new percentage (以前70多个环节，现在提速80%)', () => {
    const found = values('原来的审批需要40多个环节，现在审批提速60%以上。');
    expect(found).not.toContainEqual(expect.objectContaining({ before: 40, after: 60 }));
  });

  it('names the subject without a leading count: 300项高频事项办理时限压缩40%', () => {
    const { outcomes } = extract('实施改革后，300项高频事项办理时限压缩40%。');
    expect(outcomes.map((o) => o.subject)).toContain('高频事项办理时限');
  });
});

describe('targets are not achievements', () => {
  it.each([
    ['力争到2026年，全市企业开办时间压缩至0.5个工作日以内。', 0.5],
    ['计划到年底将审批时间压减至10个工作日。', 10],
    ['预计明年审批时间将缩短至10个工作日。', 10],
    ['确保社会投资项目审批时间控制在20个工作日以内。', 20],
    ['下一步，将把一般工业项目审批时限进一步压减至15个工作日。', 15],
    ['今年将实现85%以上政务服务事项全程网办。', 85],
    ['到今年底，工程项目审批时间压减至30个工作日以内。', 30],
    ['年内将把企业开办时间压缩至1个工作日。', 1],
    ['下半年将推动用电报装时间缩短至5天。', 5],
    ['2025年底前，各乡镇便民服务中心“一窗受理”事项比例将达到75%。', 75],
  ])('%s', (text, after) => {
    expect(values(text)).toEqual([expect.objectContaining({ status: 'TARGET', after })]);
  });

  it('reads later goals of a list joined by ；as targets too', () => {
    const found = values('改革的目标是将审批事项精简至50项；将项目全流程审批时间压缩至40个工作日。');
    expect(found).toEqual([expect.objectContaining({ status: 'TARGET', after: 50 }), expect.objectContaining({ status: 'TARGET', after: 40 })]);
  });

  it('reads every outcome of a plan section as a target, and those before it as achieved', () => {
    const text = ['一、2023年工作成效', '全年企业开办时间压缩至1个工作日。', '二、2024年工作安排', '一是深化审批改革，审批时间压缩至8个工作日以内。二是企业满意率保持在99%以上。', '三、存在的问题', '部分事项网办率仅为60%。'].join('\n');
    expect(values(text).map((o) => [o.after, o.status])).toEqual([
      [1, 'ACHIEVED'],
      [8, 'TARGET'],
      [99, 'TARGET'],
      [60, 'ACHIEVED'],
    ]);
  });

  it('reads the rest of a paragraph after a plan intro as targets', () => {
    const text = '去年企业开办时间压缩至2个工作日。会议要求重点做好三项工作：一是企业开办时间压缩至1个工作日；二是诉求24小时内响应。';
    expect(values(text).map((o) => [o.after, o.status])).toEqual([
      [2, 'ACHIEVED'],
      [1, 'TARGET'],
      [24, 'TARGET'],
    ]);
  });

  it('keeps achievements reported after a date or a plan noun achieved', () => {
    expect(values('到2023年底，全市审批时间已压缩至15个工作日。')).toEqual([expect.objectContaining({ status: 'ACHIEVED', after: 15 })]);
    expect(values('厂房比计划提前一个月投产。')).toEqual([expect.objectContaining({ status: 'ACHIEVED', change: -1 })]);
    expect(values('围绕打造一流营商环境的目标，全区企业开办时间压缩至1个工作日。')).toEqual([expect.objectContaining({ status: 'ACHIEVED', after: 1 })]);
  });

  it('does not link a target to a program as something achieved, and tells it apart by id', () => {
    const a = extract('武汉市江岸区推行“拿地即开工”，力争审批时间压缩至7天。');
    expect(a.outcomes).toHaveLength(1);
    expect(a.outcomes[0]!.status).toBe('TARGET');
    expect(a.relations.filter((r) => r.type === 'ACHIEVED')).toEqual([]);
    const done = extract('武汉市江岸区推行“拿地即开工”，审批时间压缩至7天。').outcomes[0]!;
    expect(done.id).not.toBe(a.outcomes[0]!.id);
  });

  it.each([
    // freight is not government
    ['与之前通过天津港海运相比，时间缩短了1/3；与空运相比，费用降低了一半以上。'],
    ['中欧班列开行后，运输时间缩短了20天。'],
    // a plan's economic numbers are not outcomes at all
    ['力争到2025年，电子商务覆盖率提升20%以上。'],
  ])('reads no outcome in: %s', (text) => {
    expect(values(text)).toEqual([]);
  });
});

describe('outcome patterns added for the seeds, each with sentences from elsewhere', () => {
  it.each([
    ['藁城区以前审批需要1-2个月时间，现在只要几天时间。', { before: 2, after: null, change: null }],
    ['成都市过去办理施工许可需要45天，如今大幅缩短。', { before: 45, after: null, change: null }],
    ['企业投产可提前3~4个月。', { before: null, after: null, change: -4 }],
    ['杭州市推行“拿地即开工”，项目开工可提前2个月。', { before: null, after: null, change: -2 }],
    ['年均节约企业开办成本200万元以上。', { indicator: 'COST', change: -200 }],
    ['苏州市今年累计减免税费12.5亿元。', { indicator: 'COST', change: -12.5 }],
    ['帮扶企业一周内取得施工许可证。', { indicator: 'APPROVAL_TIME', after: 7 }],
    ['郑州市实现企业开办1日办结。', { indicator: 'APPROVAL_TIME', after: 1 }],
    ['南昌市不动产登记两个工作日内办结。', { after: 2 }],
    ['80%以上现场勘验事项使用“互联网+现场勘验”新模式。', { after: 80 }],
    ['武汉市90%的审批事项实现网上办理。', { indicator: 'ONLINE_RATE', after: 90 }],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual([expect.objectContaining(expected)]);
  });

  it('reads one outcome per rate when several share a value', () => {
    const found = values('“好差评”事项覆盖率、差评整改率和满意度均达到100%。');
    expect(found).toHaveLength(3);
    expect(found.every((o) => o.after === 100)).toBe(true);
    expect(values('济南市12345热线接通率和办结率均达到98%。')).toHaveLength(2);
  });

  it('keeps a change stated right after a level with that level', () => {
    expect(values('工程建设项目审批平均用时174.4天，比2022年减少76.1天。')).toEqual([expect.objectContaining({ indicator: 'APPROVAL_TIME', before: null, after: 174.4, change: -76.1 })]);
    expect(values('西安市企业开办平均用时2.5天，比上年缩短1天。')).toEqual([expect.objectContaining({ after: 2.5, change: -1 })]);
  });
});

describe('indicators', () => {
  it('reads a change of time as time, even when the subject is about materials', () => {
    expect(extract('材料整理环节从2小时减少到20分钟。').outcomes[0]?.indicator).toBe('PROCESSING_TIME');
    expect(extract('企业注册的材料整理环节从2小时减少到20分钟。').outcomes[0]?.indicator).toBe('APPROVAL_TIME');
    expect(extract('申请材料由30份精简至12份，减少18个。').outcomes[0]?.indicator).not.toBe('APPROVAL_TIME');
  });
});

describe('bounded patterns: pathological text stays linear', () => {
  const SIZE = 200_000;
  const run = (text: string) => {
    const started = performance.now();
    const { outcomes } = findOutcomes(text, splitSentences(text), new RegionContext([]), []);
    return { ms: performance.now() - started, outcomes };
  };

  it.each([
    ['digits', '9'.repeat(SIZE)],
    ['digits then a unit', `${'9'.repeat(SIZE)}天`],
    ['由由由', '由'.repeat(SIZE)],
    ['压缩至 repeated', '压缩至'.repeat(SIZE / 3)],
    ['由1 repeated', '由1'.repeat(SIZE / 2)],
    ['an endless list', `由${'1、'.repeat(SIZE / 2)}`],
    ['Chinese numerals', `${'十'.repeat(SIZE)}天`],
    ['以前 repeated', '以前'.repeat(SIZE / 2)],
    ['one endless sentence of outcomes', '以前要1天，'.repeat(SIZE / 6)],
    ['many rates in one sentence', '满意率99%，'.repeat(SIZE / 7)],
    ['an open quote', '精简为“'.repeat(SIZE / 4)],
    ['以前要 repeated', '以前要'.repeat(SIZE / 3)],
    ['formerly and now repeated', '以前要一天，现在要'.repeat(SIZE / 9)],
    ['plan headings repeated', '二、工作安排\n审批时间压缩至5天。\n'.repeat(SIZE / 20)],
    ['anaphora repeated', '这一时间压缩至5天，'.repeat(SIZE / 10)],
    ['loose numerals repeated', '五六十几个把'.repeat(SIZE / 6)],
    ['same-day pairs repeated', '当天申请、当天'.repeat(SIZE / 7)],
    ['from a year to a year repeated', '从2021年的到目前的'.repeat(SIZE / 10)],
    ['respond repeated', '1小时响应、'.repeat(SIZE / 6)],
    ['rates then 同比分别 repeated', '满意率为9%、办结率为8%，同比分别提高1、2个百分点，'.repeat(SIZE / 30)],
    ['以前…现在 lists repeated', '过去提交材料9份；现在材料精简到3份，'.repeat(SIZE / 20)],
  ])('%s (200 KB) in well under a second', (_name, text) => {
    const { ms } = run(text);
    expect(ms).toBeLessThan(2000);
  });
});
