import { describe, expect, it } from 'vitest';
import { attributesOf, extract, namesOf } from './extract-helpers.js';

describe('officials', () => {
  it.each([
    // Seeds
    ['石家庄市委书记张超超亲自带队走访企业。', '张超超', { title: '市委书记' }],
    ['石家庄经济技术开发区管委会副主任崔永辉说，今年将重点确保项目建成。', '崔永辉', { title: '管委会副主任', agency: '石家庄经济技术开发区管委会' }],
    // Not from the seeds
    ['杭州市市长姚高员主持召开常务会议。', '姚高员', { title: '市长', region: '杭州市' }],
    ['南京市江宁区委书记李明表示，要持续优化营商环境。', '李明', { title: '区委书记' }],
    ['苏州市行政审批局局长欧阳晓东介绍了改革情况。', '欧阳晓东', { title: '行政审批局局长', agency: '苏州市行政审批局' }],
  ])('%s', (text, name, attributes) => {
    const a = extract(text);
    expect(namesOf(a, 'Official')).toEqual([name]);
    expect(attributesOf(a, 'Official', name)).toMatchObject(attributes);
    expect(a.relations.find((r) => r.type === 'HOLDS')?.attributes).toMatchObject({ title: attributes.title });
  });

  it.each([
    ['河北日报记者任学光报道。', 'byline'],
    ['近日，市民在大厅办理业务。河北日报通讯员王凯摄', 'photo credit'],
    ['石家庄四药集团执行总裁赵勇说，项目进展顺利。', 'company officer'],
    ['习近平总书记强调，要优化营商环境。', 'national leader quoted by title'],
    ['建立书记市长双牵头工作机制，市长恳谈会每月召开。', 'titles with no name'],
  ])('%s is not an official (%s)', (text) => {
    expect(namesOf(extract(text), 'Official')).toEqual([]);
  });
});

/** One row per official rule (official-titles.json, official-surnames.json, official-cues.json). */
describe('official rules for articles from anywhere', () => {
  it.each([
    // A space between title and name (a quoted speaker's caption).
    ['郴州市北湖区。【现场】区政务服务中心负责人 孙丽', ['孙丽'], '政务服务中心负责人'],
    // Names listed after one title share it.
    ['南漳县副县长张华、陈立新分别介绍情况。', ['张华', '陈立新'], '副县长'],
    // jieba does not read 罗建华 as a name; the surname, the length and the cue 表示 do.
    ['常务副县长罗建华表示，要全力服务企业。', ['罗建华'], '常务副县长'],
    // Titles listed before the one next to the name are the same person's.
    ['宜章县行政审批服务局党组书记、局长王强说，审批提速了。', ['王强'], '行政审批服务局党组书记、局长'],
    // A section between the body and the title.
    ['株洲市芦淞区消防救援大队防火科科长李卫东介绍，验收时限压缩至5个工作日。', ['李卫东'], '消防救援大队防火科科长'],
    ['鹿邑县委宣传部三级主任科员李素芬说。', ['李素芬'], '县委宣传部三级主任科员'],
    ['吉首市发改局副主任向红梅指出，要压缩审批时限。', ['向红梅'], '发改局副主任'],
    ['常德市发改委相关负责人张亮介绍，企业负责人李四说。', ['张亮'], '发改委相关负责人'],
    ['湖南省政务服务中心处长欧阳立新强调，要一次办好。', ['欧阳立新'], '政务服务中心处长'],
    ['益阳市委书记周宏表示，要优化营商环境。', ['周宏'], '市委书记'],
    ['资兴市市长刘志强介绍。', ['刘志强'], '市长'],
    ['区长张艳敏指出，企业是市场的主体。', ['张艳敏'], '区长'],
    ['县长梁琼芳带队调研。', ['梁琼芳'], '县长'],
    // Where the name ends: 说 after two characters, a word cue after three, an adverb cue.
    ['醴陵市副市长王强说，项目已开工。', ['王强'], '副市长'],
    ['醴陵市副市长王志和表示，项目已开工。', ['王志和'], '副市长'],
    ['市长马宇飞立即专项督办解决。', ['马宇飞'], '市长'],
    // No cue word: the name ends where jieba starts a verb.
    ['邵阳市委常委、常务副市长王海涛发布了改革情况。', ['王海涛'], '市委常委、常务副市长'],
    ['湘潭市岳塘区行政审批服务局党组书记、局长彭丽以及区委常委、副区长黄涛陪同调研。', ['彭丽', '黄涛'], null],
  ])('%s', (text, names, title) => {
    const a = extract(text);
    expect(namesOf(a, 'Official')).toEqual(names);
    if (title !== null) for (const name of names) expect(attributesOf(a, 'Official', name)?.title).toBe(title);
  });

  it.each([
    ['记者 吴涛 通讯员 刘敏 摄', 'byline with spaces'],
    ['湖北省团风县百家放心食品有限公司负责人张啸表示感谢。', 'a company’s 负责人'],
    ['国网泰安供电公司总经理、党委副书记刘加国参加活动。', 'a company’s party post'],
    ['恒润公司董事长周海波说，项目从签约到开工只用了38天。', 'company chairman'],
    ['队长林德顺说，队员们每晚训练两个小时。', 'a sports team’s captain'],
    ['区长信箱开通以来，收到留言300条。', 'a mailbox, not a name'],
    ['企业负责人王刚介绍，办证只用了一天。', '负责人 of no public body'],
    ['记者：请刘局长谈谈准入准营方面的变化。', 'a title used to address someone'],
  ])('%s is not an official (%s)', (text) => {
    expect(namesOf(extract(text), 'Official')).toEqual([]);
  });

  it('does not read the next list item as a name when it is a body', () => {
    const a = extract('广州市南沙区行政审批局局长陈志坚、区住房和城乡建设局副局长梁慧敏介绍情况。');
    expect(namesOf(a, 'Official').sort()).toEqual(['梁慧敏', '陈志坚'].sort());
  });
});

/** Round 2: names a surname list misses, and court posts (each sentence written for the test). */
describe('minority names and court posts', () => {
  it.each([
    // Uyghur and Kazakh names: parts joined by a middle dot, ending at a cue.
    ['喀什市委副书记、市长阿布都热合曼·买买提主持召开推进会。', ['阿布都热合曼·买买提']],
    ['伊宁市行政审批局局长努尔兰·哈力木介绍，审批时限压缩了一半。', ['努尔兰·哈力木']],
    // Tibetan names: two known parts (official-surnames.json minorityParts), no surname.
    ['日喀则市副市长格桑次仁表示，要提升办事效率。', ['格桑次仁']],
    ['山南市政务服务中心主任央金卓玛说，窗口已全部整合。', ['央金卓玛']],
    // Court posts need the court before them.
    ['睢县人民法院党组书记、院长魏建华出席会议。', ['魏建华']],
    ['庆阳市西峰区人民检察院检察长杜文斌讲话。', ['杜文斌']],
  ])('%s', (text, names) => {
    expect(namesOf(extract(text), 'Official')).toEqual(names);
  });

  it.each([
    ['召开市长恳谈会和市民·市长恳谈会征集意见。', 'a dot between words, not a name'],
    ['县人民医院院长王立新介绍了就医流程。', 'a hospital head holds no public post'],
    // Company staff: a company post listed before, or a grid company's unit before the title.
    ['国网运城供电公司副总经理、办公室主任周晓峰出席。', 'a company post before the title'],
    ['西湖供电中心主任刘建波介绍，接电时间缩短了。', 'a grid unit’s head'],
  ])('%s is not an official (%s)', (text) => {
    expect(namesOf(extract(text), 'Official')).toEqual([]);
  });
});
