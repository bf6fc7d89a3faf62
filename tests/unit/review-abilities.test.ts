// Review chains walked with decide() for each kind of site, the abilities and labels the list sends per row, and the
// export helpers (cell neutralisation, Content-Disposition).
import { describe, expect, it } from 'vitest';
import { decide, orgStatusLabel, type RequestSnapshot } from '../../src/domain/requests.ts';
import { orgTreeFromRecords, reviewChain } from '../../src/domain/review-chain.ts';
import { contentDisposition } from '../../src/server/download.ts';
import { listStatusText, rowAbilities } from '../../src/server/modules/review/present.ts';
import { neutraliseCell } from '../../src/server/xlsx-table.ts';

const tree = orgTreeFromRecords([
  { code: 'bm0100', parentCode: null, level: 0 },
  { code: '130000', parentCode: 'bm0100', level: 1 },
  { code: '130300', parentCode: '130000', level: 2 },
  { code: '130302', parentCode: '130300', level: 3 },
  { code: 'bm3000', parentCode: 'bm0100', level: 1 },
  { code: 'bm3013', parentCode: 'bm3000', level: 2 },
  { code: 'bm3051', parentCode: 'bm3013', level: 3 },
]);

type Row = NonNullable<Parameters<typeof rowAbilities>[0]>;
const asRow = (r: RequestSnapshot, version = 1): Row => ({
  id: 1,
  type: r.type,
  state: r.state,
  chain: [...r.chain],
  stepIndex: r.stepIndex,
  currentOrg: null,
  version,
});

describe('new-site review chains, walked unit by unit', () => {
  it.each([
    ['county department site', '130302', false, ['130302', '130300', '130000']],
    ['county portal', '130302', true, ['130300', '130000']],
    ['city portal', '130300', true, ['130000']],
    ['province portal', '130000', true, ['bm0100']],
    ['vertical bureau under a ministry', 'bm3051', false, ['bm3051', 'bm3013', 'bm3000']],
  ])('%s', (_label, orgCode, isPortal, expected) => {
    const chain = reviewChain(tree, { orgCode, isPortal });
    expect(chain).toEqual(expected);
    let r: RequestSnapshot = { type: 'NEW_SITE', state: 'SUBMITTED', chain, stepIndex: 0 };
    const others = ['bm0100', '130000', '130300', '130302', 'bm3000', 'bm3013', 'bm3051'].filter(
      (o) => !chain.includes(o),
    );
    for (const [i, org] of chain.entries()) {
      // Only the unit at the current step may act; the abilities say why the others may not.
      for (const other of chain.filter((o) => o !== org)) {
        expect(rowAbilities(asRow(r), other).approve.allowed).toBe(false);
        expect(rowAbilities(asRow(r), other).approve.reason).toMatch(/本单位已审核|尚未到达本单位/);
      }
      for (const outsider of others) expect(rowAbilities(asRow(r), outsider).approve.allowed).toBe(false);
      expect(rowAbilities(asRow(r), org)).toMatchObject({ approve: { allowed: true }, return: { allowed: true } });
      expect(rowAbilities(asRow(r), org).submit.allowed).toBe(i === 0);
      expect(orgStatusLabel(r, org)).toBe(i === 0 ? '未提交' : '未审核');
      const d = decide(r, { kind: 'ORG', orgCode: org }, 'APPROVE');
      if (!d.ok) throw new Error(d.reason);
      r = { ...r, state: d.next.state, stepIndex: d.next.stepIndex };
      if (i < chain.length - 1) {
        expect(orgStatusLabel(r, org)).toBe('已审核');
        expect(d.next.currentOrg).toBe(chain[i + 1]);
      } else {
        expect(d.next.finalApproval).toBe(true);
      }
    }
    expect(r.state).toBe('CODE_PENDING');
    for (const org of chain) expect(orgStatusLabel(r, org)).toBe('已办结');
    expect(rowAbilities(asRow(r), chain.at(-1)!).approve).toEqual({
      allowed: false,
      reason: '该申请已处理（当前为“已办结，等待生成网站标识码”）',
    });
  });
});

describe('rowAbilities', () => {
  it('denies everything but 查看 without a request, and review of other request types', () => {
    expect(rowAbilities(null, '130302')).toEqual({
      approve: { allowed: false, reason: '该记录没有待处理的申请' },
      return: { allowed: false, reason: '该记录没有待处理的申请' },
      submit: { allowed: false, reason: '该记录没有待处理的申请' },
      view: { allowed: true },
      approveModification: { allowed: false, reason: '该记录没有待处理的申请' },
      returnModification: { allowed: false, reason: '该记录没有待处理的申请' },
    });
    const modify = rowAbilities(
      asRow({ type: 'MODIFY', state: 'SUBMITTED', chain: ['130302'], stepIndex: 0 }),
      '130302',
    );
    expect(modify.approve).toEqual({ allowed: false, reason: '该记录的申请为“基本信息修改”，请使用对应的审核功能' });
    expect(modify.submit).toEqual({ allowed: false, reason: '“当页数据全部提交”只适用于新增网站申请' });
    // A modification is decided with 办结修改审核通过 / 办结修改审核退回 instead (SPEC §8.1 1.6–1.7).
    expect(modify.approveModification).toEqual({ allowed: true });
    expect(modify.returnModification).toEqual({ allowed: true });
    expect(
      rowAbilities(asRow({ type: 'MODIFY', state: 'SUBMITTED', chain: ['130302'], stepIndex: 0 }), '130300'),
    ).toMatchObject({ approveModification: { allowed: false, reason: '该申请不由本单位审核' } });
  });
});

describe('listStatusText', () => {
  it('says an application is one, and gives the organizing-unit text otherwise', () => {
    expect(listStatusText({ runStatus: 'APPLYING', runStatusUntil: null })).toBe('申请中');
    expect(listStatusText({ runStatus: 'WITHDRAWN', runStatusUntil: null })).toBe('申请已撤回');
    expect(listStatusText({ runStatus: 'NORMAL', runStatusUntil: null })).toBe('正常');
    expect(listStatusText({ runStatus: 'TEMP_OFFLINE', runStatusUntil: '2017-10-23' })).toBe(
      '暂时下线恢复开通时间：2017-10-23',
    );
    expect(listStatusText({ runStatus: 'EMERGENCY_OFFLINE', runStatusUntil: '2017-10-30' })).toBe(
      '网站运行状态为：紧急下线并于 2017-10-30 上线',
    );
    expect(listStatusText({ runStatus: 'PERM_OFFLINE_PENDING', runStatusUntil: null })).toBe('永久下线（待完成下线）');
  });
});

describe('export helpers', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")']) {
      expect(neutraliseCell(bad)).toBe(`'${bad}`);
    }
    for (const ok of ['海港区政府网站', 'https://x.gov.cn/', '', '1-2', "'already"])
      expect(neutraliseCell(ok)).toBe(ok);
  });

  it('sends the Chinese file name as RFC 5987 filename* with an ASCII fallback', () => {
    const header = contentDisposition('政府网站基本信息_130302_20261102100000_p1.xlsx');
    expect(header).toBe(
      `attachment; filename=_________130302_20261102100000_p1.xlsx; filename*=UTF-8''${encodeURIComponent('政府网站基本信息')}_130302_20261102100000_p1.xlsx`,
    );
    // The fallback is a bare token when it can be (RFC 6266), quoted otherwise.
    expect(contentDisposition('抽查 报告 "1".xlsx')).toBe(
      `attachment; filename="__ __ \\"1\\".xlsx"; filename*=UTF-8''${encodeURIComponent('抽查 报告 "1".xlsx')}`,
    );
  });
});
