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
    ['延边朝鲜族自治州', ['延边', '延边州']],
    ['大理白族自治州', ['大理', '大理州']],
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

describe('short forms count only where they are a place', () => {
  it.each([
    // a short form inside a longer word (jieba word breaks)
    ['市民按照办事指南通过自助终端提交材料。', []],
    ['三明治和咖啡是园区食堂的早餐。', []],
    // inside an idiom or a word listed as no place (region-not-places.json)
    ['这里四季长春，适合发展康养产业。', []],
    ['拿出真金白银支持小微企业。', []],
    // a short form that is also an ordinary word, recurring, still needs its province
    ['来宾客队上半场领先，来宾客队最终获胜。', []],
    ['广西来宾推进园区建设，来宾市政务服务中心延时服务。', ['广西壮族自治区', '来宾市']],
    // a full county name whose stem is an ordinary word (会同 = together with) needs its city or province
    ['县市场监管局要会同县税务局联合开展检查。', []],
    ['湖南省怀化市会同县推行容缺受理。', ['湖南省', '怀化市', '会同县']],
    // a short name right after a place it is not part of names a spot inside that place
    ['大理州洱源县西山一带昨夜降雪，昆明市发布预警。', ['大理白族自治州', '洱源县', '昆明市']],
    // two names written together vouch for each other even when jieba keeps them as one word
    ['吉林长春优化审批流程。', ['吉林省', '长春市']],
    // a place's name with one character jieba writes onto it still names the place
    ['货物经天津港出口，河北省企业受益。', ['天津市', '河北省']],
    ['北京时间昨晚，上海合作组织会议召开。', []],
    // two provinces side by side are both places (only a district's short name after a stranger is a spot)
    ['北京上海等地企业来访。', ['北京市', '上海市']],
    // a distinctive short name of three characters is evidence enough on its own
    ['石家庄四药集团扩大生产。', ['石家庄市']],
  ])('%s', (text, expected) => {
    expect(regionsIn(text).map((r) => r.name).sort()).toEqual([...expected].sort());
  });
});

describe('outlets and bylines place nothing', () => {
  it.each([
    ['江城日报记者 张某 通讯员 李某', []],
    ['本报讯 河北日报记者报道，各地持续优化营商环境。', []],
    ['来源：石家庄新闻网 编辑：王某', []],
    ['据《北海新闻》报道，该市上线了新系统。', []],
    ['“西安发布”公众号推送了办事指南。', []],
    ['本文转自湖南经济日报、湖南卫视。', []],
    // the suffix as an ordinary word leaves the place named
    ['浙江网上办事大厅新增企业开办专区。', ['浙江省']],
    ['石家庄市新闻发布会介绍审批改革成效。', ['石家庄市']],
    ['福建省日报送数据已全部汇总。', ['福建省']],
  ])('%s', (text, expected) => {
    expect(regionsIn(text).map((r) => r.name).sort()).toEqual([...expected].sort());
  });
});


/** Round 2 (sentences written for the test). */
describe('a short form written before a body only a real place has', () => {
  it.each([
    // A county's two-character full name (叶县) before its own court or government.
    ['郏县人民法院开通涉企立案绿色通道。', '郏县'],
    ['浚县人民政府印发实施方案。', '浚县'],
    // A city's short name before its customs district.
    ['南宁海关推行“两步申报”。', '南宁市'],
  ])('%s', (text, region) => {
    expect(extractRegions(text, splitSentences(text)).map((r) => r.name)).toContain(region);
  });

  it.each([['要提高县人民医院的服务能力。'], ['建成县城污水处理设施。']])('%s names no county', (text) => {
    expect(extractRegions(text, splitSentences(text)).map((r) => r.name)).toEqual([]);
  });
});
