import { describe, expect, it } from 'vitest';
import { isPolicyTitle } from '../../src/extract/policies.js';
import { extract, namesOf } from './extract-helpers.js';

const policies = (text: string) => namesOf(extract(text), 'Policy');

describe('policies', () => {
  it.each([
    // a document kind at the end of the title (policy-cues.json suffixes)
    ['省政府常务会议审议《安徽省优化营商环境条例》。', ['安徽省优化营商环境条例']],
    ['市里出台《关于进一步激发民间投资活力的若干意见》。', ['关于进一步激发民间投资活力的若干意见']],
    ['区行政审批局制定了《工程建设项目联合验收实施方案》。', ['工程建设项目联合验收实施方案']],
    ['对照《告知承诺制审批管理办法（试行）》执行。', ['告知承诺制审批管理办法（试行）']],
    ['按《政务服务事项办事指引》准备材料。', ['政务服务事项办事指引']],
    ['企业可以查阅《涉企收费目录清单》。', ['涉企收费目录清单']],
    ['全市落实《支持民营经济发展二十条》。', ['支持民营经济发展二十条']],
    // written without the quotation marks inside the title
    ['区里出台《工业项目“标准地”出让实施方案》。', ['工业项目标准地出让实施方案']],
    // no document kind, but an issuing verb right before it
    ['该市印发《营商环境提升年行动》，明确32项任务。', ['营商环境提升年行动']],
  ])('%s', (text, expected) => {
    expect(policies(text)).toEqual(expected);
  });

  it.each([
    ['据《人民日报》报道，多地推行一网通办。'],
    ['《江城晚报》记者走访了政务服务中心。'],
    ['《北海新闻》栏目播出了专题报道。'],
    ['关注《鹿城发布》获取办事提醒。'],
    ['企业领取了《食品经营许可证》。'], // a certificate
    ['他常读《平凡的世界》。'], // a book, no document kind and no issuing verb
  ])('finds no policy in: %s', (text) => {
    expect(policies(text)).toEqual([]);
  });

  it.each([
    ['优化营商环境条例', '', true],
    ['温州日报', '根据', false], // an outlet even after a citing verb
    ['某某发布', '', false],
    ['关于做好2024年项目审批工作的通报', '', true], // 关于… is a document
    ['年度工作报告', '印发', true],
    ['年度工作报告', '阅读', false],
  ])('isPolicyTitle(%s, before %s) is %s', (name, before, expected) => {
    expect(isPolicyTitle(name, before)).toBe(expected);
  });
});
