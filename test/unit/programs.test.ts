import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/extract/data/load.js';
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

describe('program rules added for the seeds, each with sentences from elsewhere', () => {
  const programs = (text: string) => namesOf(extract(text), 'Program');

  it.each([
    // a quoted list after a doing verb: each reform of the shape, and the model they make up
    ['推行“拿地即开工、竣工即投产、生产即准营”一链审批服务模式。', ['拿地即开工', '竣工即投产', '生产即准营', '一链审批服务模式']],
    // any other list after a doing verb or before a noun is one measure, named as written (gold convention)
    ['杭州市推出“一窗受理、集成服务”改革。', ['一窗受理、集成服务改革']],
    ['县里推行“一号受理、限时办结”工作机制。', ['一号受理、限时办结工作机制']],
    // a counted noun after the list
    ['实施“亲清连心、素能提升、薪火相传”三大行动。', ['亲清连心行动', '素能提升行动', '薪火相传行动']],
    ['建立“首问负责、限时办结、责任追究”三项制度。', ['首问负责制度', '限时办结制度', '责任追究制度']],
    // short quoted names shaped like a service, and a list of quoted names
    ['25项便民服务“冀时办”可办。', ['冀时办']],
    ['浙江省“浙里办”上线企业开办专区。', ['浙里办']],
    ['着力推进政务服务事项“网上办”“掌上办”“就近办”。', ['网上办', '掌上办', '就近办']],
    // two reforms offered together are one measure, as written (gold convention)
    ['开展企业信息变更“一件事一次办+无感审批”。', ['一件事一次办+无感审批']],
    // a guiding verb does not hide a reform's shape
    ['围绕“高效办成一件事”，聚焦个人和企业全生命周期。', ['高效办成一件事']],
    ['按照“大科室制”调整内设机构。', ['大科室制']],
    // phrases
    ['行唐县创办新型农民夜校。', ['新型农民夜校']],
    ['大力推进外贸倍增计划。', ['外贸倍增计划']],
    ['推动全区社区践行网格常态化帮办代办服务工作模式。', ['网格常态化帮办代办服务工作模式']],
  ])('%s', (text, expected) => {
    expect(programs(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['实现企业注册全流程“一件事、一网办、一日办”。'], // a goal reached
    ['牢固树立“稳中求进、勇于争先”的理念。'], // a slogan
    ['实现“十四五”良好开局。'], // a period
    ['依托“全省企业开办标准化示范点”开展试点。'], // a designation
    ['构建具有本地特色的现代产业体系。'], // an ordinary phrase
    ['设立湘潭民营企业服务中心。'], // an agency
  ])('finds no program in: %s', (text) => {
    expect(programs(text)).toEqual([]);
  });

  it('does not read certificates in 《》 as policies', () => {
    const a = extract('拿到了《建设用地规划许可证》《不动产权登记证》，依据《优化营商环境条例》。');
    expect(namesOf(a, 'Policy')).toEqual(['优化营商环境条例']);
  });
});

describe('where a program is carried out', () => {
  it('takes the place of the body that runs it when that is narrower than the sentence', () => {
    const a = extract('成都高新技术产业开发区成立以来发展迅速。成都市自然资源和规划局高新技术产业开发区分局推出“拿地即开工”模式。');
    const program = a.entities.find((e) => e.type === 'Program' && e.name.startsWith('拿地即开工'));
    expect(program?.attributes.region).toBe('成都高新技术产业开发区');
  });

  it('joins the mentions of one name in one article at the narrowest place they share', () => {
    const a = extract('郑州市金水区行政审批局推行“秒批”服务。全市都在学习，郑州市“秒批”让企业开办时间缩短至1天。');
    const programs = a.entities.filter((e) => e.type === 'Program' && e.name === '秒批');
    expect(programs.map((p) => p.attributes.region)).toEqual(['金水区']);
    expect(a.outcomes[0]?.program).toBe(programs[0]?.id);
  });
});

describe('programs named without double quotes', () => {
  const programs = (text: string) => namesOf(extract(text), 'Program');

  it.each([
    // well-known reform names as words (reform-names.json); a 改革 right after joins the name
    ['今年以来，某县深入推进证照分离改革。', ['证照分离改革']],
    ['全市全面实现一网通办，群众少跑腿。', ['一网通办']],
    ['该区率先开展跨省通办和容缺受理。', ['跨省通办', '容缺受理']],
    // names that are ordinary words too need a doing verb before or a program noun after
    ['园区推行区域评估，企业不再单独评估。', ['区域评估']],
    ['区域评估结果向社会公开。', []],
    ['窗口建立好差评制度。', ['好差评制度']],
    // single, corner and nested quotes read like double ones
    ['该局推行‘一码通办’，企业扫码即可办理。', ['一码通办']],
    ['区里推出「秒批秒办」服务。', ['秒批秒办']],
    ['他说：“现在推行‘拿地即开工’，我们省了两个月。”', ['拿地即开工']],
    // a phrase after 通过 ends in a mechanism's noun
    ['部门之间通过联审联办机制协同审批。', ['联审联办机制']],
    // a quoted name whose noun comes a few words later
    ['与执法部门建立“审管执”信息共享机制。', ['审管执信息共享机制']],
    // a province's online service platform
    ['企业通过湖北政务服务网提交材料。', ['湖北政务服务网']],
    // a reform of a system: the reform is the program
    ['持续深化工程建设项目审批制度改革。', ['工程建设项目审批制度改革']],
    // a quoted name after verbs that set up a service (配备, 组建, 整合为)
    ['园区为每家企业配备“企业管家”。', ['企业管家']],
    ['市局组建“政策宣讲官”队伍上门服务。', ['政策宣讲官']],
    ['三个环节整合为“一窗通取”，群众更方便。', ['一窗通取']],
    // a quoted name shaped like a trip saved
    ['高频事项实现“零跑腿”，占比达到九成。', ['零跑腿']],
    // a campaign of special rectification, and a platform built
    ['县里开展涉企收费专项整治，规范中介服务。', ['涉企收费专项整治']],
    ['全市建成工业项目智慧审批平台。', ['工业项目智慧审批平台']],
    // a quoted name and the platform it names
    ['依托“i滨江”政务服务平台办理。', ['i滨江政务服务平台']],
    // quoted names before a count of mechanisms: each is one, without the count
    ['通过“提前介入+主动服务”“容缺受理+承诺办结”两项工作机制加快审批。', ['提前介入+主动服务', '容缺受理+承诺办结']],
    // a name accepted once stays a program where it is quoted again
    ['该区推行“秒批”服务。全市推广，“秒批”让企业受益。', ['秒批']],
  ])('%s', (text, expected) => {
    expect(programs(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    ['建立全区统一的工程建设项目审批管理系统。'], // 工程 only starts 工程建设项目
    ['实现由“企业跑”到“数据跑”的转变。'], // the two ends of a change
    ['窗口启用“行政审批专用章”。'], // a seal
    ['设立“企业开办”专区。'], // a service area
    ['大厅分为“开办”“项目”“人才”三个区域。'], // areas of a hall
    ['为避免“审批一放了之”，部门加强监管。'], // a thing to avoid
    ['围绕“办事不出园区”的目标，优化服务。'], // a goal
    ['坚持“线上+线下”齐发力。'], // channels
    ['打造“四季长春”的营商环境。'], // a metaphor
    ['各地发布的通知要求，按照规定通过政务服务平台办理。'], // a generic channel
    ['企业开办全程网办率达到百分之百。'], // a rate measured
    ['县里打造帮办代办服务区，方便群众。'], // the place where it is done
    ['【抓落实】临汾:审批“提速度”'], // a verb in another clause, across a bracket and a colon
    ['以“群众的事马上办”这一工作目标为导向。'], // a goal
    ['让审批从“多头跑”变“一处办”。'], // the two ends of a change
    ['项目从“等地开工”转变为“交地即建”。'], // the same, with a longer verb
    ['园区做实帮办代办，服务更有温度。'], // a name that is an ordinary phrase too, with no doing verb right before
    ['我们将深入实施全省营商环境改革部署。'], // 改革 only starts 改革部署
    ['实行直接取消审批和审批改为备案两种改革方式。'], // 改革 only starts 改革方式
  ])('finds no program in: %s', (text) => {
    expect(programs(text)).toEqual([]);
  });

  it('keeps every reform name in the jieba user dictionary, so segmentation keeps it whole', () => {
    const dict = readFileSync(new URL('../../src/extract/data/jieba-user.dict.utf8', import.meta.url), 'utf8');
    const words = new Set(dict.split('\n').map((line) => line.split(' ')[0]));
    for (const { name } of loadData<{ names: Array<{ name: string }> }>('reform-names').names) expect(words).toContain(name);
  });
});


/** Round 2 (sentences written for the test). */
describe('the ends of a change and service levels are not programs', () => {
  it.each([
    ['窗口变“坐等审批”为“主动上门”，把服务送到工地。', []],
    ['全面化“被动服务”为“主动服务”，推行“两证合一”。', ['两证合一']],
    ['打造“7×24小时”不打烊的自助服务区。', []],
    // A noun after 等 closes a list of measures, it is no part of the last one's name.
    ['建立联审联办、“容缺受理”等机制。', ['容缺受理']],
    // A reform named right after the quote takes the full name (一件事 → 一件事集成改革).
    ['深入推进“一件事”集成改革。', ['一件事集成改革']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
