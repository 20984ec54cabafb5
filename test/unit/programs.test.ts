import { describe, expect, it } from 'vitest';
import { programCandidates, programKind } from '../../src/extract/programs.js';
import { attributesOf, extract, namesOf } from './extract-helpers.js';

const names = (text: string) => programCandidates(text).map((c) => c.name);

describe('programs', () => {
  it.each([
    // Seeds
    ['真正实现了2个工作日内“三证齐发”。', ['三证齐发']],
    ['同时，建立重大项目政企联席会议制度，区委、区政府每月召开。', ['重大项目政企联席会议制度']],
    ['深化“放管服”改革，健全监管机制。', ['放管服改革']],
    ['以“6+1”专项行动开局破题。', ['6+1专项行动']],
    // Not from the seeds
    ['浙江省全面推行“最多跑一次”改革。', ['最多跑一次']],
    ['上海市推出“一网通办”平台，实现“一件事一次办”。', ['一网通办', '一件事一次办']],
    ['深圳市探索建立企业破产府院联动机制。', ['企业破产府院联动机制']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['为投资者吃“定心丸”给项目建设添“催化剂”。'],
    ['争当服务企业的“店小二”，把“店小二”意识根植于心。'],
    ['扫除了许多前进道路上的“拦路虎”“绊脚石”。'],
    ['全力打好经济发展“翻身仗”。'],
    ['坚持“稳中向好、进中提质”的总基调。'],
  ])('%s has no program: metaphors and slogans', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('gives kind, categories and region, and links the agency that runs it', () => {
    const a = extract('西安市行政审批服务局推行“拿地即开工”审批模式。');
    expect(namesOf(a, 'Program')).toEqual(['拿地即开工']);
    expect(attributesOf(a, 'Program', '拿地即开工')).toMatchObject({ categories: expect.arrayContaining(['approval']), region: '西安市' });
    const id = a.entities.find((e) => e.type === 'Program')!.id;
    expect(a.relations).toContainEqual(expect.objectContaining({ type: 'RUN_BY', from: id, to: 'agency:西安市行政审批服务局' }));
    expect(a.relations).toContainEqual(expect.objectContaining({ type: 'IMPLEMENTED_IN', from: id, to: 'region:6101' }));
  });

  it.each([
    ['一链审批服务模式', 'MODEL'],
    ['企业家恳谈会制度', 'SYSTEM'],
    ['接诉即办工作机制', 'MECHANISM'],
    ['工程建设项目审批管理平台', 'PLATFORM'],
    ['优化营商环境专项行动', 'CAMPAIGN'],
    ['放管服改革', 'REFORM'],
    ['三证齐发', 'MEASURE'],
  ])('%s is a %s', (name, kind) => {
    expect(programKind(name)).toBe(kind);
  });
});

describe('policies and enterprises', () => {
  it('reads document titles and who issued them', () => {
    const a = extract('广东省人民政府印发《广东省优化营商环境三年行动方案》，企业反响热烈。');
    expect(namesOf(a, 'Policy')).toEqual(['广东省优化营商环境三年行动方案']);
    expect(a.relations).toContainEqual(expect.objectContaining({ type: 'ISSUED_BY', from: 'policy:广东省优化营商环境三年行动方案', to: 'agency:广东省人民政府' }));
  });

  it.each([
    ['石家庄四药集团河北国龙制药有限公司新型制剂项目开工。', ['石家庄四药集团', '河北国龙制药有限公司']],
    ['联合招商银行等金融机构为企业融资。', ['招商银行']],
    ['宁德时代新能源科技股份有限公司在福建省宁德市投资。', ['宁德时代新能源科技股份有限公司']],
    ['该公司与子公司签约，两所一公司参与。', []],
  ])('%s', (text, expected) => {
    expect(namesOf(extract(text), 'Enterprise')).toEqual(expected);
  });

  it('places a company named after its city there', () => {
    const a = extract('石家庄四药集团扩大生产。');
    expect(a.relations).toContainEqual(expect.objectContaining({ type: 'LOCATED_IN', from: 'enterprise:石家庄四药集团', to: 'region:1301' }));
  });
});
