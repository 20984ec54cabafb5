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
