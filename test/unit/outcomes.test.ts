import { describe, expect, it } from 'vitest';
import { classifyIndicator } from '../../src/extract/outcomes.js';
import { parseQuantity } from '../../src/extract/quantities.js';
import { extract } from './extract-helpers.js';

describe('parseQuantity', () => {
  it.each([
    ['64项', { value: 64, unit: '项' }],
    ['13个工作日', { value: 13, unit: '工作日' }],
    ['1-2小时', { value: 2, low: 1, high: 2, unit: '小时' }],
    ['2~3个月', { value: 3, low: 2, high: 3, unit: '个月' }],
    ['近90%', { value: 90, unit: '%', qualifier: '近' }],
    ['99%以上', { value: 99, unit: '%', qualifier: '以上' }],
    ['174.4天', { value: 174.4, unit: '天' }],
    ['一半', { value: 50, unit: '%' }],
    ['1/3', { value: 33.3, unit: '%' }],
    ['3日', { value: 3, unit: '天' }],
  ])('%s', (text, expected) => {
    expect(parseQuantity(text)).toMatchObject(expected);
  });
});

describe('outcomes', () => {
  const only = (text: string) => {
    const { outcomes } = extract(text);
    expect(outcomes).toHaveLength(1);
    return outcomes[0]!;
  };

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
  ])('%s', (text, indicator, before, after, change) => {
    const { outcomes } = extract(text);
    const o = outcomes.find((x) => (x.after?.value ?? null) === after && (x.before?.value ?? null) === before)!;
    expect(o, JSON.stringify(outcomes)).toBeDefined();
    expect(o.indicator).toBe(indicator);
    expect(o.change?.value ?? null).toBe(change);
  });

  it('reads a stated change: 压缩了近90%, 缩短了1/3, 比上年减少76.1天', () => {
    expect(only('石家庄海关通关时间较之前压缩了近90%。')).toMatchObject({ indicator: 'CUSTOMS_TIME', change: { value: -90, unit: '%', direction: 'DECREASE' } });
    expect(only('深圳市不动产登记时间缩短了1/3。').change).toMatchObject({ value: -33.3, unit: '%' });
    const o = extract('今年1~9月自立项到取得施工许可证平均用时174.4天，比2022年减少76.1天。').outcomes;
    expect(o.map((x) => [x.indicator, x.after?.value ?? null, x.change?.value ?? null])).toEqual([['APPROVAL_TIME', 174.4, -76.1]]);
    expect(o[0]!.subject).toContain('施工许可证');
  });

  it('reads service levels: N个工作日内办结, rates, 100%网上办理', () => {
    expect(only('武汉市企业登记注册4小时内办结。')).toMatchObject({ indicator: 'APPROVAL_TIME', after: { value: 4, unit: '小时' } });
    expect(only('全市政务服务事项网办率达到98.5%。')).toMatchObject({ indicator: 'ONLINE_RATE', after: { value: 98.5 } });
    expect(only('群众满意率99.06%。')).toMatchObject({ indicator: 'SATISFACTION' });
    expect(only('334个子项全部实现100%全流程网上办理。')).toMatchObject({ indicator: 'ONLINE_RATE', after: { value: 100, unit: '%' } });
  });

  it('leaves economic statistics alone', () => {
    expect(extract('全年固定资产投资增长12%，营业收入增速保持在10%以上，总投资249.3亿元。').outcomes).toEqual([]);
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
    ['审批事项', '项', 'APPROVAL_ITEMS'],
    ['企业办电成本', '万元', 'COST'],
    ['施工许可办理时间', '天', 'APPROVAL_TIME'],
    ['热线响应时间', '分钟', 'PROCESSING_TIME'],
    ['接通率', '%', 'OTHER'],
  ])('%s (%s) measures %s', (subject, unit, indicator) => {
    expect(classifyIndicator(subject, unit)).toBe(indicator);
  });
});

describe('outcome patterns added for the seeds, each with sentences from elsewhere', () => {
  const values = (text: string) =>
    extract(text).outcomes.map((o) => ({ indicator: o.indicator, before: o.before?.value ?? null, after: o.after?.value ?? null, change: o.change?.value ?? null }));

  it.each([
    // formerly: the old state when the new one has no number
    ['藁城区以前审批需要1-2个月时间，现在只要几天时间。', { before: 2, after: null, change: null }],
    ['成都市过去办理施工许可需要45天，如今大幅缩短。', { before: 45, after: null, change: null }],
    // earlier: time saved
    ['企业投产可提前3~4个月。', { before: null, after: null, change: -4 }],
    ['杭州市推行“拿地即开工”，项目开工可提前2个月。', { before: null, after: null, change: -2 }],
    // saved: money enterprises save
    ['年均节约企业开办成本200万元以上。', { indicator: 'COST', change: -200 }],
    ['苏州市今年累计减免税费12.5亿元。', { indicator: 'COST', change: -12.5 }],
    // within, written out and without 内
    ['帮扶企业一周内取得施工许可证。', { indicator: 'APPROVAL_TIME', after: 7 }],
    ['郑州市实现企业开办1日办结。', { indicator: 'APPROVAL_TIME', after: 1 }],
    ['南昌市不动产登记两个工作日内办结。', { after: 2 }],
    // share of matters handled a new way
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
    expect(values('工程建设项目审批平均用时174.4天，比2022年减少76.1天。')).toEqual([{ indicator: 'APPROVAL_TIME', before: null, after: 174.4, change: -76.1 }]);
    expect(values('西安市企业开办平均用时2.5天，比上年缩短1天。')).toEqual([expect.objectContaining({ after: 2.5, change: -1 })]);
  });

  it.each([
    // freight is not government
    ['与之前通过天津港海运相比，时间缩短了1/3；与空运相比，费用降低了一半以上。'],
    ['中欧班列开行后，运输时间缩短了20天。'],
    // targets are not results
    ['力争到2025年，电子商务覆盖率提升20%以上。'],
    ['预计明年审批时间将缩短至10个工作日。'],
  ])('reads no outcome in: %s', (text) => {
    expect(values(text)).toEqual([]);
  });
});

describe('indicators', () => {
  it('reads a change of time as time, even when the subject is about materials', () => {
    expect(extract('材料整理环节从2小时减少到20分钟。').outcomes[0]?.indicator).toBe('PROCESSING_TIME');
    expect(extract('企业注册的材料整理环节从2小时减少到20分钟。').outcomes[0]?.indicator).toBe('APPROVAL_TIME');
    expect(extract('申请材料由30份精简至12份，减少18个。').outcomes[0]?.indicator).not.toBe('APPROVAL_TIME');
  });
});
