import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/extract/data/load.js';
import { gazetteer } from '../../src/extract/gazetteer.js';
import { extractRegions, listedZoneForms } from '../../src/extract/regions.js';
import { splitSentences } from '../../src/extract/sentences.js';

function zonesIn(text: string) {
  return extractRegions(text, splitSentences(text))
    .filter((r) => r.attributes.level === 'ZONE')
    .map((r) => ({ name: r.name, parent: r.attributes.parent, code: r.attributes.code }));
}

describe('zones the gazetteer lacks', () => {
  it.each([
    // listed national new areas, canonical under their official full name, placed under their parent
    ['重庆两江新区管委会发布招商政策。', '重庆两江新区', '重庆市'],
    ['湘江新区推行项目审批代办服务。', '湖南湘江新区', '长沙市'],
    ['记者从雄安新区改革发展局获悉。', '河北雄安新区', '河北省'],
    ['广州南沙新区政务服务中心启用。', '广州南沙新区', '广州市'],
    // a place, a stem and a suffix: the zone sits under the place written just before it
    ['江苏省宿迁市泗洪县双沟经济开发区新签约项目12个。', '双沟经济开发区', '泗洪县'],
    ['安徽省六安市霍邱县城西工业园区完成扩区。', '城西工业园区', '霍邱县'],
    // a place's short form and an abbreviated suffix: canonical full suffix (GUIDELINES.md)
    ['洛阳市委常委会研究部署，洛阳经开区企业服务中心揭牌。', '洛阳经济技术开发区', '洛阳市'],
    ['湖北省襄阳市襄阳高新区推行帮办代办。', '襄阳高新技术产业开发区', '襄阳市'],
    ['兰州新区综合保税区通关提速。', '甘肃兰州新区', '兰州市'],
    // a municipality names its zones as a city does
    ['在天津经济技术开发区设立综合受理窗口。', '天津经济技术开发区', '天津市'],
    // a stem with a strong suffix and no place right before it: under the place named before
    ['山东省济宁市召开会议，入驻马庄经济开发区的企业享受帮办服务。', '马庄经济开发区', '济宁市'],
  ])('%s -> %s under %s', (text, name, parent) => {
    expect(zonesIn(text)).toContainEqual({ name, parent, code: null });
  });

  it('joins the abbreviation to the zone named in full elsewhere in the article', () => {
    const zones = zonesIn('成都高新技术产业开发区营商环境持续优化。成都市自然资源和规划局高新技术产业开发区分局推出新举措。');
    expect(zones).toEqual([{ name: '成都高新技术产业开发区', parent: '成都市', code: null }]);
  });

  it('reads a gazetteer zone written with its city’s full name, and bare mentions of it, as that zone', () => {
    const zones = zonesIn('扬州经济技术开发区举行开工仪式。据了解，扬州市经开区新开工项目26个，市经开区将全面推行拿地即开工。');
    expect(zones).toEqual([{ name: '扬州经济技术开发区', parent: '扬州市', code: '321071' }]);
  });

  it('reads a bare 高新区 as the gazetteer zone of the city the article is about', () => {
    const zones = zonesIn('石家庄市持续优化营商环境。企业通过高新区“书记直通车”反映问题。');
    expect(zones).toEqual([{ name: '石家庄高新技术产业开发区', parent: '石家庄市', code: '130171' }]);
  });

  it.each([
    ['全市经开区要对标先进，国家级高新区要走在前列。'], // zones in general
    ['洛阳市推进经济开发区建设。'], // a verb is no zone's stem
    ['各类开发区和产业园区要加快发展。'],
    ['洛阳市产业园区建设加快。'], // a city's parks in general, not one zone
    ['国家高新区评价结果公布，石家庄市排名上升。'], // zones of the whole country
  ])('finds no zone in: %s', (text) => {
    expect(zonesIn(text)).toEqual([]);
  });

  it('keeps its zone list consistent with the gazetteer', () => {
    const g = gazetteer();
    const { zones } = loadData<{ zones: Array<{ name: string; parent: string; aliases: string[] }> }>('zones');
    const surfaces = zones.flatMap((z) => [z.name, ...z.aliases]);
    expect(new Set(surfaces).size).toBe(surfaces.length); // one zone per surface form
    for (const z of zones) {
      // a listed zone is one the gazetteer lacks, and its parent is one gazetteer region
      expect(g.forms.get(z.name)?.some((f) => f.kind === 'FULL') ?? false).toBe(false);
      expect(listedZoneForms(g).get(z.name)?.parentCode).toBe(g.forms.get(z.parent)!.find((f) => f.kind === 'FULL')!.code);
    }
  });
});

/** Round 2 (sentences written for the test). */
describe('a gazetteer zone that is also a listed national new area', () => {
  it.each([
    // The gazetteer's 兰州新区 and zones.json's 甘肃兰州新区 are one zone, under its official name.
    ['兰州市。兰州新区推行“两证合一”，新区审批提速。', ['甘肃兰州新区']],
    // A new area of a city, read with its city's name before it.
    ['海南省海口市。海口江东新区新增企业四千余家。', ['海口江东新区']],
    // An abbreviation names the zone written in full with its stem, of whatever kind.
    ['吉林省敦化市。敦化经济开发区召开誓师大会，敦化经开区全年签约项目20个。', ['敦化经济开发区']],
    // A stem longer than four characters with a trade word, when it holds a name word (查干湖).
    ['吉林省松原市。查干湖旅游经济开发区推行帮办代办。', ['查干湖旅游经济开发区']],
    // Airport economic zones (zone-suffixes.json).
    ['陕西省西安市。西安临空经济示范区压缩了审批时限。', ['西安临空经济示范区']],
  ])('%s', (text, expected) => {
    expect(zonesIn(text).map((z) => z.name)).toEqual(expected);
  });
});
