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

/** One row per rule of agency-cores.json, agency-suffixes.json and agency-national.json: [text, bodies found, bodies not found]. */
describe('agency rules beyond the core list', () => {
  it.each([
    // Cores from the data file, after a level word that stands for the city the text is about.
    ['衡阳市召开会议。市医保局、市住建局、市人社局、市生态环境局联合推出“一件事”套餐。', ['衡阳市医保局', '衡阳市住建局', '衡阳市人社局', '衡阳市生态环境局'], []],
    ['贵阳市政务服务和大数据管理局推行秒批。', ['贵阳市政务服务和大数据管理局'], []],
    ['沈阳市营商环境建设局、大连市优化营商环境办公室召开会议。', ['沈阳市营商环境建设局', '大连市优化营商环境办公室'], []],
    ['济南市数据局、市综合行政执法局、市不动产登记中心、市公共资源交易中心同步推行。', ['济南市数据局', '济南市综合行政执法局', '济南市不动产登记中心', '济南市公共资源交易中心'], []],
    ['株洲市芦淞区消防救援大队推行消防验收告知承诺。', ['芦淞区消防救援大队'], []],
    ['岳阳市君山区行政许可服务中心推行“一窗受理”。', ['君山区行政许可服务中心'], []],
    ['昆明市五华区重点项目办公室实行周调度。', ['五华区重点项目办公室'], []],
    ['安康市营商办建立问题线索移交机制。', ['安康市营商办'], []],
    // Short forms in 办 are not 办事 or 办理.
    ['常德市持续优化办事流程，市政府办事大厅延时服务。', [], ['常德市优化办', '常德市人民政府办公室']],
    // Branches keep the parent's name and link to it.
    ['北京市西城区优化营商环境。市规划和自然资源委员会西城分局推行多审合一。', ['北京市规划和自然资源委员会西城分局', '北京市规划和自然资源委员会'], []],
    ['合肥市包河区税务局第一税务分局推行非接触式办税。', ['包河区税务局第一税务分局', '包河区税务局'], []],
    ['醴陵市公安局城关派出所推出户籍业务一次办。', ['醴陵市公安局城关派出所', '醴陵市公安局'], []],
    ['醴陵市公安局交警大队推出便民措施。', ['醴陵市公安局交警大队'], []],
    // A committee's general office is a body of its own; 办事 is no 办.
    ['宁乡市委办公室牵头，市委办事效率高。', ['宁乡市委办公室', '宁乡市委'], []],
    // A bureau of a zone administration is an agency of its own.
    ['廊坊开发区管委会综合执法局推行首违不罚。', ['廊坊经济技术开发区管委会综合执法局', '廊坊经济技术开发区管委会'], []],
    // An office of a government is one too.
    ['广州市南沙区人民政府新闻办公室举行新闻发布会。', ['南沙区人民政府新闻办公室', '南沙区人民政府'], []],
    // Generic suffixes: bodies the core list does not know, after a place or a level word.
    ['株洲市芦淞区投资促进局、市经信委联合开展服务。', ['芦淞区投资促进局', '株洲市经信委'], []],
    ['湖南省产业格局持续优化，全省市场格局稳定。', [], ['湖南省产业格局']],
    ['湘潭市推进市县两级审批局全覆盖。', [], ['湘潭县两级审批局']],
    ['长沙市政务服务大厅设立综合窗口。', [], ['长沙市政务服务大厅']],
    // A 厅 is a province's: 自治区 stands for the region.
    ['广西壮族自治区北流市对照自治区住房城乡建设厅的部署推进改革。', ['广西壮族自治区住房城乡建设厅'], []],
    // 市 is a county-level city when that is the 市 the text names.
    ['英德市持续优化营商环境。市自然资源局牵头开展专项整治。', ['英德市自然资源局'], ['清远市自然资源局']],
    // A list shares its first item's level word; an item with its own level word keeps it.
    ['徐闻县召开会议，县政府办、发改局、财政局、科工贸局主要负责人参加。', ['徐闻县人民政府办公室', '徐闻县发改局', '徐闻县财政局', '徐闻县科工贸局'], []],
    ['渝北区召开会审会，区行政许可服务中心、市规划自然资源局渝北分局、区住房城乡建委参加。', ['渝北区行政许可服务中心', '重庆市规划自然资源局渝北分局', '渝北区住房城乡建委'], ['渝北区市规划自然资源局']],
    // 新区 stands for the zone; the two ways of writing its bureau are one body, named as first written.
    ['南京江北新区推进改革。审批职能划转至新区管委会行政审批局。新区行政审批局局长黄振宇介绍情况。', ['南京江北新区管委会行政审批局'], ['南京江北新区行政审批局']],
    // Hotlines: 区12345热线 is the district's.
    ['渝北区还把12345热线打通，区12345热线受理涉企诉求。', ['渝北区12345热线'], ['重庆市12345热线']],
    // Utilities: a place's 供电公司 is the grid's branch; 国网 and bare forms are one body.
    ['团风县供电公司主动上门服务。', ['团风县供电公司'], []],
    ['国网长沙供电公司推行三零服务，长沙供电公司客户经理上门服务。', ['国网长沙供电公司'], ['长沙供电公司']],
    // National bodies need no 国家; a short form takes the full name the text also gives.
    ['国家市场监督管理总局发布通知，市场监管总局要求各地落实。', ['国家市场监督管理总局'], ['市场监管总局']],
    ['市场监管总局印发《通知》。', ['市场监管总局'], []],
    ['国家数据局、国家医保局出台措施。', ['国家数据局', '国家医保局'], []],
    // 国家税务总局长沙市税务局 is the city's tax bureau.
    ['国家税务总局长沙市税务局推出办税新举措。', ['长沙市税务局'], ['国家税务总局']],
    // Source lines, bylines, web sites and generic mentions are no bodies.
    ['来源：湖南省人民政府网站', [], ['湖南省人民政府']],
    ['（来源：常德市政府办）', [], ['常德市人民政府办公室']],
    ['北流市人民政府门户网站 2024-07-12', [], ['北流市人民政府']],
    ['版权所有：昆明高新技术产业开发区管理委员会', [], ['昆明高新技术产业开发区管委会', '昆明高新技术产业开发区管理委员会']],
    ['各部门、有关部门、相关单位要形成合力。', [], []],
    // 我县, 本县 are the place the text is about; 全县, 各县 are every place.
    ['湘潭县召开会议。我县住建局、本县交投局和全县各乡镇参加，各县市区政府抓好落实。', ['湘潭县住建局', '湘潭县交投局'], ['湘潭县本县交投局', '湘潭县人民政府']],
    // The 区 of 开发区 is no district's level word.
    ['建安区委书记主持会议，开发区党工委书记出席。', ['建安区委'], ['建安区党工委']],
    // Short forms people write: 政数局, 市监局.
    ['四平市召开发布会。市政数局、市市监局负责人解读措施。', ['四平市政数局', '四平市市监局'], []],
    // A body named only inside a document title is not one the text is about.
    ['兰陵县落实《市政府工作报告》部署。', [], ['临沂市人民政府']],
  ])('%s', (text, found, notFound) => {
    const names = namesOf(extract(text), 'Agency');
    expect(names).toEqual(expect.arrayContaining(found));
    for (const name of notFound) expect(names).not.toContain(name);
    if (found.length === 0 && notFound.length === 0) expect(names).toEqual([]);
  });

  it('links a utility to its place, and a zone bureau to its administration', () => {
    const a = extract('团风县供电公司主动上门服务。');
    expect(attributesOf(a, 'Agency', '团风县供电公司')).toMatchObject({ kind: 'UTILITY', region: '团风县' });
    expect(namesOf(a, 'Enterprise')).toEqual([]);
    const zone = extract('廊坊开发区管委会综合执法局推行首违不罚。');
    expect(zone.relations).toContainEqual(expect.objectContaining({ type: 'BRANCH_OF', from: 'agency:廊坊经济技术开发区管委会综合执法局', to: 'agency:廊坊经济技术开发区管委会' }));
  });
});

/** Round 2: bodies read from real articles of other provinces (each sentence written for the test). */
describe('courts, customs, group offices and autonomous-region committees', () => {
  it.each([
    // Courts and procuratorates are bodies of their place (agency-cores.json).
    ['滑县人民法院召开涉企案件审理推进会。', ['滑县人民法院'], []],
    ['酒泉市肃州区人民检察院设立企业服务窗口。', ['肃州区人民检察院'], []],
    // A customs district keeps its name as written: the place's short name and 海关.
    ['满洲里海关推行“提前申报”，海关总署予以推广。', ['满洲里海关', '海关总署'], ['满洲里市海关']],
    // A leading group's office, quoted words inside its name dropped.
    ['包头市优化营商环境工作领导小组办公室通报了评价结果。', ['包头市优化营商环境工作领导小组办公室'], []],
    ['宁夏回族自治区“放管服”改革协调小组办公室印发工作要点。', ['宁夏回族自治区放管服改革协调小组办公室'], []],
    // 自治区党委、政府: the committee written with 党, and the government listed after it.
    ['近日，西藏自治区党委、政府召开会议部署政务服务工作。', ['西藏自治区党委', '西藏自治区人民政府'], []],
    // A new area's administration is the zone's, not the city's that starts its name.
    ['海南省海口市。海口江东新区管理局负责人表示，企业落地更快了。', ['海口江东新区管理局'], ['海口市江东新区管理局']],
    // 市政务…: 市 stands alone before 政务 (agency-suffixes.json levelWordAfterExceptions), unlike 市政设施.
    ['吉林市。市政务服务和数字化建设管理局统筹推进审批改革。', ['吉林市政务服务和数字化建设管理局'], []],
    // A known core after 和 ends a longer name, read whole.
    ['通化市。市数据和政务服务管理局推出帮办服务。', ['通化市数据和政务服务管理局'], ['通化市政务服务管理局']],
  ])('%s', (text, expected, absent) => {
    const names = namesOf(extract(text), 'Agency');
    expect(names).toEqual(expect.arrayContaining(expected));
    for (const name of absent) expect(names).not.toContain(name);
  });

  it('gives 市 the article’s city, not a county-level city named once in passing', () => {
    const text = '长治市启动审批改革。长治市在潞城试点的基础上全面推开。潞城市已经先行。下一步，市行政审批服务管理局将集中办理313项事项。长治市还将推广。';
    const names = namesOf(extract(text), 'Agency');
    expect(names).toContain('长治市行政审批服务管理局');
    expect(names).not.toContain('潞城市行政审批服务管理局');
    // Convention 8: an article about the county-level city keeps 市 for it.
    const countyCity = namesOf(extract('玉林市北流市推行帮办代办。北流市企业开办提速。市自然资源局压缩了供地时限。'), 'Agency');
    expect(countyCity).toContain('北流市自然资源局');
    expect(countyCity).not.toContain('玉林市自然资源局');
  });

  it('reads a grid branch written with and without its province as one body', () => {
    const names = namesOf(extract('国网青海海东供电公司上门服务，海东供电公司客户经理现场答复。'), 'Agency');
    expect(names).toEqual(['国网青海海东供电公司']);
    expect(namesOf(extract('国网江苏省电力公司与国网浙江省电力公司签约。'), 'Agency')).toEqual(['国网江苏省电力公司', '国网浙江省电力公司']);
  });

  it.each([
    ['各县市人民政府要按期公布负面清单。', 'every county and city, not one'],
    ['提升城区党委、政府的决策水平。', '城区 is no district here'],
  ])('%s names no body (%s)', (text) => {
    expect(namesOf(extract(text), 'Agency')).toEqual([]);
  });
});
