import { describe, expect, it } from 'vitest';
import { attributesOf, extract, namesOf } from './extract-helpers.js';

describe('agencies', () => {
  it.each([
    // Seeds
    ['石家庄市行政审批局实行延时服务。', ['石家庄市行政审批局']],
    ['河北省委、省政府出台《关于大力支持省会建设和高质量发展的意见》。', ['河北省委', '河北省人民政府']],
    ['国网石家庄供电公司按照公开承诺办理。', ['国网石家庄供电公司']],
    // Not from the seeds
    ['杭州市数据资源管理局联合市市场监管局推出“一件事”改革。', ['杭州市市场监管局']],
    ['成都市新都区委、区政府召开优化营商环境大会。', ['新都区委', '新都区人民政府']],
    ['苏州市发展改革委有关负责人介绍，苏州工业园区管委会推行“不见面审批”。', ['苏州市发展改革委', '苏州工业园区管委会']],
    ['南京市纪委监委对营商环境问题开展专项监督。', ['南京市纪委监委']],
  ])('%s', (text, expected) => {
    expect(namesOf(extract(text), 'Agency')).toEqual(expect.arrayContaining(expected));
  });

  it('gives an unprefixed 市行政审批局 the city the article is about', () => {
    const a = extract('郑州市优化营商环境。市行政审批局推行“拿地即开工”，审批时间压缩至15个工作日。');
    expect(namesOf(a, 'Agency')).toContain('郑州市行政审批局');
    expect(attributesOf(a, 'Agency', '郑州市行政审批局')).toMatchObject({ region: '郑州市', kind: 'DEPARTMENT' });
    const located = a.relations.find((r) => r.type === 'LOCATED_IN' && r.from === 'agency:郑州市行政审批局');
    expect(located?.to).toBe('region:4101');
    expect(located?.evidence?.sentence).toContain('市行政审批局推行');
  });

  it('follows a page that moves from one city to another', () => {
    const a = extract('保定市推行帮办代办。\n市行政审批局设立专区。\n湘潭市推出新举措。\n市行政审批局开通热线。');
    expect(namesOf(a, 'Agency')).toEqual(expect.arrayContaining(['保定市行政审批局', '湘潭市行政审批局']));
  });

  it('names a bureau’s branch after the bureau and links it', () => {
    const a = extract('石家庄市自然资源和规划局经济技术开发区分局在全市首推“拿地即开工”。');
    const branch = '石家庄市自然资源和规划局经济技术开发区分局';
    expect(namesOf(a, 'Agency')).toContain(branch);
    expect(a.relations).toContainEqual(expect.objectContaining({ type: 'BRANCH_OF', from: `agency:${branch}`, to: 'agency:石家庄市自然资源和规划局' }));
  });

  it('does not take generic mentions for bodies', () => {
    expect(namesOf(extract('通过政府出标准、企业作承诺，各部门强服务。该局办件总量增长。'), 'Agency')).toEqual([]);
  });
});

describe('agency rules added for the seeds, each with sentences from elsewhere', () => {
  it.each([
    ['廊坊开发区召开会议。开发区党工委副书记、管委会常务副主任姚振辉说。', ['廊坊经济技术开发区管委会']],
    ['从新乐市委宣传部了解到，该市发挥新时代文明实践中心作用。', ['新乐市新时代文明实践中心']],
    ['成都市新都区综合设置公园城市建设服务中心、城市精细管理运维中心等机构。', ['新都区公园城市建设服务中心']],
    ['郑州市二七区优化区级智慧城市运行中心。', ['二七区智慧城市运行中心']],
    ['作者系保定市政协副主席。', ['保定市政协']],
    ['南宁市人大常委会开展执法检查。', ['南宁市人大常委会']],
    ['市纪委监委、市委市政府督查室跟踪问效。保定市推行帮办代办。', ['保定市委市政府督查室']],
    ['有3个协会被中国科协、财政部评为先进单位。', ['财政部']],
    ['哈尔滨市“12345”便民服务热线打造诉求处置专班。', ['哈尔滨市12345热线']],
  ])('%s', (text, expected) => {
    expect(namesOf(extract(text), 'Agency')).toEqual(expect.arrayContaining(expected));
  });

  it('reads 市委市政府督查室 as one office, and 财政部门 as no body', () => {
    const names = namesOf(extract('保定市委市政府督查室跟踪问效，各级财政部门配合。'), 'Agency');
    expect(names).toEqual(['保定市委市政府督查室']);
  });
});
