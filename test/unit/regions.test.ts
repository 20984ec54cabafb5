import { describe, expect, it } from 'vitest';
import { gazetteer, shortForms } from '../../src/extract/gazetteer.js';
import { extractRegions } from '../../src/extract/regions.js';
import { splitSentences } from '../../src/extract/sentences.js';

function regionsIn(text: string) {
  return extractRegions(text, splitSentences(text)).map((r) => ({
    name: r.name,
    code: r.attributes.code,
    level: r.attributes.level,
    parent: r.attributes.parent,
  }));
}

describe('gazetteer', () => {
  const g = gazetteer();

  it.each([
    ['13', '河北省', 'PROVINCE', null],
    ['1301', '石家庄市', 'CITY', '13'],
    ['130109', '藁城区', 'DISTRICT', '1301'],
    ['131071', '廊坊经济技术开发区', 'ZONE', '1310'],
    ['130184', '新乐市', 'COUNTY', '1301'],
    ['110105', '朝阳区', 'DISTRICT', '11'], // municipality districts hang off the municipality itself
  ])('%s is %s, a %s under %s', (code, name, level, parentCode) => {
    const r = g.byCode.get(code);
    expect(r).toMatchObject({ name, level, parentCode });
  });

  it.each([
    ['河北省', ['河北']],
    ['广西壮族自治区', ['广西']],
    ['新疆维吾尔自治区', ['新疆']],
    ['西藏自治区', ['西藏']],
    ['延边朝鲜族自治州', ['延边']],
    ['石家庄市', ['石家庄']],
    ['藁城区', ['藁城']],
  ])('%s is also written %j', (name, expected) => {
    const region = [...g.byCode.values()].find((r) => r.name === name)!;
    const parent = region.parentCode ? g.byCode.get(region.parentCode) : undefined;
    expect(shortForms(region, parent)).toEqual(expected);
  });

  it('abbreviates development zones the way people do', () => {
    const zone = g.byCode.get('131071')!;
    expect(shortForms(zone, g.byCode.get('1310'))).toEqual(expect.arrayContaining(['廊坊开发区', '廊坊经开区']));
    const hiTech = g.byCode.get('130171')!;
    expect(shortForms(hiTech, g.byCode.get('1301'))).toContain('石家庄高新区');
  });
});

describe('extractRegions', () => {
  it.each([
    // Seeds
    ['近日，藁城区行政审批大厅工程建设项目受理专区工作人员为企业解答疑问。石家庄市委书记张超超说。', ['藁城区', '石家庄市']],
    ['近日，廊坊开发区召开扎实开展“走访解促”、切实优化营商环境大会。', ['廊坊经济技术开发区']],
    // Not from the seeds
    ['浙江省杭州市余杭区推行“一件事一次办”，企业开办时间压缩至1个工作日。', ['浙江省', '杭州市', '余杭区']],
    ['广西南宁市良庆区政务服务中心设立企业服务专区。', ['广西壮族自治区', '南宁市', '良庆区']],
    ['苏州工业园区和昆山市联合推出跨区域通办，江苏在全省推广。', ['苏州工业园区', '昆山市', '江苏省']],
  ])('%s', (text, expected) => {
    expect(regionsIn(text).map((r) => r.name).sort()).toEqual([...expected].sort());
  });

  it('resolves an ambiguous district from the article’s other places', () => {
    const inShijiazhuang = regionsIn('石家庄市新华区开展审批服务进园区活动。');
    expect(inShijiazhuang.find((r) => r.name === '新华区')).toMatchObject({ code: '130105', parent: '石家庄市' });
    const inCangzhou = regionsIn('沧州市新华区优化营商环境，推行帮办代办。');
    expect(inCangzhou.find((r) => r.name === '新华区')).toMatchObject({ code: '130902', parent: '沧州市' });
    const inPingdingshan = regionsIn('河南省平顶山市新华区政务服务中心启用。');
    expect(inPingdingshan.find((r) => r.name === '新华区')).toMatchObject({ code: '410402' });
  });

  it('drops an ambiguous name that no context decides, rather than guessing', () => {
    expect(regionsIn('新华区政务服务中心今天启用。')).toEqual([]);
  });

  it('takes a short district name only when its city is in the article', () => {
    expect(regionsIn('藁城全力推进项目建设。')).toEqual([]);
    expect(regionsIn('石家庄藁城全力推进项目建设。').map((r) => r.name)).toContain('藁城区');
  });

  it('does not read ordinary words as places', () => {
    // 白银 (a city), 通道 (a county), 城区 (a district name) and 新华社 (the news agency)
    const text = '真金白银助企发展，畅通渠道，提升城区品质。新华社记者报道，湖南省出台新政。';
    expect(regionsIn(text).map((r) => r.name)).toEqual(['湖南省']);
  });

  it('prefers the province for a short name shared with a district (河北 vs 天津河北区)', () => {
    expect(regionsIn('河北持续优化营商环境。').map((r) => r.name)).toEqual(['河北省']);
  });

  it('gives each region its lineage to the province and evidence in the normalised text', () => {
    const text = '河北省石家庄市藁城区推行“拿地即开工”。';
    const [gaocheng] = extractRegions(text, splitSentences(text)).filter((r) => r.name === '藁城区');
    expect(gaocheng!.attributes.lineage.map((a) => a.name)).toEqual(['石家庄市', '河北省']);
    const ev = gaocheng!.evidence[0]!;
    expect(text.slice(ev.start, ev.end)).toBe('藁城区');
    expect(ev.sentence).toBe(text);
  });
});
