import nodejieba from 'nodejieba';
import type { AgencyMention } from './agencies.js';
import type { RegionContext } from './context.js';
import { evidenceFor } from './regions.js';
import type { Sentence } from './sentences.js';
import type { ExtractedEntity, ExtractedRelation, RegionLevel } from './types.js';

/** Public titles, longest first so 常务副主任 is not read as 主任. */
const TITLES = [
  '党工委副书记', '党工委书记', '党组书记', '党委书记', '常务副市长', '常务副区长', '常务副县长', '常务副主任', '常务副省长',
  '副书记', '书记', '副市长', '市长', '副区长', '区长', '副县长', '县长', '副省长', '省长', '副州长', '州长', '副旗长', '旗长',
  '副主任', '主任', '副局长', '局长', '副处长', '处长', '副科长', '科长', '副主席', '主席', '副部长', '部长', '副厅长', '厅长',
  '副秘书长', '秘书长', '副镇长', '镇长', '副乡长', '乡长', '副组长', '组长', '副队长', '队长', '副所长', '所长', '副站长', '站长',
];
const TITLE_RE = new RegExp(TITLES.join('|'), 'gu');

/** Common Chinese surnames (compound ones first); a name after a title must start with one. */
const SURNAMES_COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '令狐', '慕容', '长孙', '宇文', '司徒', '夏侯', '端木'];
const SURNAMES = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'
  ).split(''),
);
/** Words that follow a name and must not be read as its last character. */
const AFTER_NAME = new Set('说表指介亲带主强一在等为对和与调同到率会来是的也就并还又要向称坦告透认从作提讲出深先前首代牵'.split(''));

export interface OfficialFindings {
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
}

/** The person's name right after a title: a surname plus one or two characters. */
export function nameAfterTitle(text: string, at: number): string | null {
  const window = text.slice(at, at + 6);
  const compound = SURNAMES_COMPOUND.find((s) => window.startsWith(s));
  if (!compound && !SURNAMES.has(window[0] ?? '')) return null;
  if (!/^[\u4e00-\u9fff]{2}/u.test(window)) return null;
  // jieba segments a name as one word it does not know (tag x) or as a person (nr); a dictionary
  // word of another kind (强调, 主持) is not a name. Tagging a six-character window is cheap.
  if (compound) {
    // jieba reads 欧阳 as a place; the given name is the one or two characters after it.
    const [given] = nodejieba.tag(window.slice(compound.length));
    return given && given.word.length <= 2 && /^[\u4e00-\u9fff]+$/u.test(given.word) ? compound + given.word : compound + window.slice(2, 3);
  }
  const [first] = nodejieba.tag(window);
  if (first && !/^(nr|nrfg|nrt|x)$/u.test(first.tag)) return null;
  if (first && first.word.length >= 2 && first.word.length <= (compound ? 4 : 3) && /^[\u4e00-\u9fff]+$/u.test(first.word)) return first.word;
  const third = window[2];
  return third && /[\u4e00-\u9fff]/u.test(third) && !AFTER_NAME.has(third) ? window.slice(0, 3) : window.slice(0, 2);
}

/**
 * The body part of a title as people write it: 市委书记, 区政府副区长, 管委会副主任,
 * 行政审批局局长 (the place itself is where the post is held, not part of the title).
 */
function agencyTitle(agency: AgencyMention): string {
  const core = agency.name.slice(agency.regionName?.length ?? 0).replace(/^人民政府/u, '政府');
  const level = agency.regionName?.slice(-1) ?? '';
  return /^(委|政府)/u.test(core) && /[省市区县]/u.test(level) ? level + core : core;
}

const LEVEL_OF_TITLE: Array<[RegExp, RegionLevel[]]> = [
  [/省/u, ['PROVINCE']],
  [/市/u, ['CITY', 'PROVINCE']],
  [/区/u, ['DISTRICT', 'ZONE']],
  [/县/u, ['COUNTY']],
];

/**
 * Officials: a public title next to a name (市委书记张超超, 管委会副主任崔永辉). The post belongs
 * to the agency named just before the title, else to the place (named, or the one the article is
 * about for 市长, 区委书记). Bylines (记者 任学光, 通讯员 王凯摄) and company titles (执行总裁) are
 * not public titles, so they never match.
 */
export function findOfficials(text: string, sentences: readonly Sentence[], places: RegionContext, agencies: readonly AgencyMention[]): OfficialFindings {
  const byId = new Map<string, ExtractedEntity>();
  const relations: ExtractedRelation[] = [];
  for (const m of text.matchAll(TITLE_RE)) {
    const titleStart = m.index;
    const titleEnd = titleStart + m[0].length;
    if (text[titleStart - 1] === '总') continue; // 总书记: a national leader quoted, not a local post
    const name = nameAfterTitle(text, titleEnd);
    if (!name) continue;

    // The title as written, with the level word or body it is attached to (市委书记, 管委会副主任).
    const agency = agencies.find((a) => a.end === titleStart) ?? null;
    const explicitRegion = places.endingAt(titleStart);
    let title = m[0];
    let at: { id: string; name: string; kind: 'Agency' | 'Region' } | null = null;
    if (agency) {
      at = { id: agency.id, name: agency.name, kind: 'Agency' };
      title = agencyTitle(agency) + m[0];
    } else if (explicitRegion) {
      at = { id: explicitRegion.id, name: explicitRegion.name, kind: 'Region' };
    } else {
      const levels = LEVEL_OF_TITLE.find(([re]) => re.test(m[0]))?.[1];
      const region = levels ? places.ofLevel(levels, titleStart) : places.within(titleStart, titleEnd);
      if (region) at = { id: region.id, name: region.name, kind: 'Region' };
    }
    const regionName = at?.kind === 'Region' ? at.name : null;
    const id = `official:${at?.id ?? 'unknown'}:${name}`;
    const evidence = evidenceFor(text, sentences, agency?.start ?? titleStart, titleEnd + name.length);
    if (!byId.has(id)) {
      byId.set(id, {
        id,
        type: 'Official',
        name,
        attributes: { title, region: regionName, agency: at?.kind === 'Agency' ? at.name : null },
        aliases: [],
        evidence: [evidence],
      });
      if (at) relations.push({ type: 'HOLDS', from: id, to: at.id, evidence, attributes: { title } });
    }
  }
  return { entities: [...byId.values()], relations };
}
