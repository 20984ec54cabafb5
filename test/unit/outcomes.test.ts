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
    expect(o.map((x) => [x.indicator, x.after?.value ?? null, x.change?.value ?? null])).toEqual([
      ['APPROVAL_TIME', 174.4, null],
      ['APPROVAL_TIME', null, -76.1],
    ]);
    expect(o[1]!.subject).toContain('施工许可证');
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
