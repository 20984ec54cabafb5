import { describe, expect, it } from 'vitest';
import { attributesOf, extract, namesOf } from './extract-helpers.js';

/** One row per enterprise rule (enterprise-words.json): [text, companies found, not found]. */
describe('enterprises', () => {
  it.each([
    // The name runs back to the clause boundary, whatever jieba tags its words (节能 as a verb).
    ['湖南金穗节能环保科技有限公司与长沙市签约。', ['湖南金穗节能环保科技有限公司'], ['环保科技有限公司']],
    // Stop words end it: whole words, so 为 in 华为 is no stop.
    ['长沙市引进湖南金穗节能环保科技有限公司，并帮助华为技术有限公司落地。', ['湖南金穗节能环保科技有限公司', '华为技术有限公司'], []],
    ['市行政审批局主动对接株洲明远机械制造有限公司，上门服务。', ['株洲明远机械制造有限公司'], []],
    // 某, 一家, 该, 本, 我 and a bare 子公司 or 分公司 name no particular company.
    ['某食品科技有限公司反映问题，一家新公司、一家物联网公司、该公司、本公司、我公司、子公司、分公司都已开办。', [], []],
    // A short name with its title after it.
    ['恒安公司经理说，现在办事方便了。', ['恒安公司'], []],
    // A short name for a full name the text gives is that company.
    ['上海恒安包装材料有限公司（以下简称恒安公司）今年落户。恒安公司经理说，当天拿到了执照。', ['上海恒安包装材料有限公司'], ['恒安公司']],
    // Banks, with their branches.
    ['中国建设银行长沙分行为企业发放贷款，长沙银行、农业银行跟进。', ['中国建设银行长沙分行', '长沙银行', '农业银行'], []],
    ['与六家银行合作设立代办点，商业银行开通绿色通道。', [], ['六家银行', '商业银行']],
    ['华为技术有限公司湖南分公司落户长沙，株洲明远机械制造有限公司负责项目分公司筹建。', ['华为技术有限公司湖南分公司', '株洲明远机械制造有限公司'], ['株洲明远机械制造有限公司负责项目分公司']],
    ['株洲农商银行、华融湘江银行参与，各地农商银行、当地银行、农村商业银行跟进。', ['株洲农商银行', '华融湘江银行'], ['各地农商银行', '当地银行', '农村商业银行']],
    // A 厂 when it is clearly a company; 数字工厂 and 该厂 are not.
    ['张氏辣椒浆加工厂投产，该厂年产值过亿。', ['张氏辣椒浆加工厂'], ['该厂']],
    ['建设智能化数字工厂和省级绿色工厂。', [], []],
    // A state-owned investment company is an enterprise; a state-grid utility is an agency.
    ['长沙城投公司负责项目建设。', ['长沙城投公司'], []],
    ['团风县供电公司主动上门服务。', [], ['团风县供电公司']],
    // A place written in brackets stays in the name.
    ['于格酒业（广东）有限公司投产。', ['于格酒业（广东）有限公司'], []],
    // A list closed by 等…企业 names companies by their short names; industries are not companies.
    ['株洲市委书记走访了中车株机、时代电气、株洲银行等多家企业。', ['中车株机', '时代电气', '株洲银行'], []],
    ['为辽宁省鑫冠乔家居有限公司、沈阳永润仓储物流有限公司等20家企业解决问题。', ['辽宁省鑫冠乔家居有限公司', '沈阳永润仓储物流有限公司'], ['有限公司']],
    // A one-character stop word inside a name that starts with a place stays in it.
    ['为江西木匠帮家居有限公司兑现奖补资金。', ['江西木匠帮家居有限公司'], ['家居有限公司']],
    ['长沙市和恒安公司签约。', ['恒安公司'], ['长沙市和恒安公司']],
    ['推动纺织、食品、机械等传统企业转型，鼓励科技型、创新型等企业发展。', [], []],
    ['在中石化、中石油等大型龙头企业的带动下，推动数字化、智能化等企业升级。', ['中石化', '中石油'], ['数字化', '智能化']],
    ['采取一企一策、召开县长办公会等方式帮助企业解决问题。', [], []],
    // A government body before 公司 is not part of it; a clause is not a name.
    ['推行“管委会+公司”模式。', [], []],
    ['基金公司正在并行推进完善基金管理公司的各项制度。', [], []],
  ])('%s', (text, found, notFound) => {
    const names = namesOf(extract(text), 'Enterprise');
    expect(names).toEqual(expect.arrayContaining(found));
    for (const name of notFound) expect(names).not.toContain(name);
    if (found.length === 0 && notFound.length === 0) expect(names).toEqual([]);
  });

  it('places a company named after its place there', () => {
    const a = extract('湖南金穗节能环保科技有限公司与长沙市签约。');
    expect(attributesOf(a, 'Enterprise', '湖南金穗节能环保科技有限公司')).toMatchObject({ region: '湖南省' });
    expect(a.relations).toContainEqual(expect.objectContaining({ type: 'LOCATED_IN', from: 'enterprise:湖南金穗节能环保科技有限公司', to: 'region:43' }));
  });

  it('keeps a short name as an alias of the full name', () => {
    const a = extract('上海恒安包装材料有限公司（以下简称恒安公司）今年落户。恒安公司经理说，当天拿到了执照。');
    expect(a.entities.find((e) => e.name === '上海恒安包装材料有限公司')?.aliases).toContain('恒安公司');
  });
});

/** Round 2 (sentences written for the test). */
describe('a company kind in brackets inside a name', () => {
  it.each([
    ['银川供热（集团）有限责任公司推行“接热不求人”。', ['银川供热（集团）有限责任公司'], ['银川供热集团']],
    ['包头钢铁（集团）有限责任公司与市政务服务局签约。', ['包头钢铁（集团）有限责任公司'], []],
    ['企业办事不用再跑银行，也不用跑税务。', [], ['跑银行']],
    // A verb before a name with no place at its start is no part of the name.
    ['供电部门提前完成中国移动青海公司数据中心的接电。', ['中国移动青海公司'], ['提前完成中国移动青海公司']],
  ])('%s', (text, expected, absent) => {
    const names = namesOf(extract(text), 'Enterprise');
    expect(names).toEqual(expect.arrayContaining(expected));
    for (const name of absent) expect(names).not.toContain(name);
    if (expected.length === 0) expect(names).toEqual([]);
  });
});
