// 工作年度报表 rules: the field list, every check, every transition of the state machine and the window.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWorkReport, normalizeWorkReportData } from '../../src/domain/annual-report/work-report-checks.ts';
import {
  displayValue,
  fieldPath,
  siteTypeOf,
  WORK_REPORT_FIELD_BY_KEY,
  WORK_REPORT_FIELDS,
  WORK_REPORT_SECTIONS,
} from '../../src/domain/annual-report/work-report-fields.ts';
import {
  decideWorkReport,
  statesAllowing,
  WORK_REPORT_STATES,
  WORK_REPORT_TRANSITIONS,
  type WorkReportAction,
  type WorkReportRole,
  type WorkReportState,
  workReportAbilities,
} from '../../src/domain/annual-report/work-report-states.ts';
import {
  defaultWindow,
  fillAllowed,
  mustReport,
  pastFillDeadline,
  publishedLate,
  reportPeriod,
  reportYearAt,
  windowErrors,
} from '../../src/domain/annual-report/work-report-window.ts';
import { completeReport } from '../helpers/work-report-data.ts';

const messagesOf = (r: { field: string; message: string }[]) => r.map((m) => m.message);

describe('the field list', () => {
  it('has unique keys in known sections, parts pointing at count totals', () => {
    expect(new Set(WORK_REPORT_FIELDS.map((f) => f.key)).size).toBe(WORK_REPORT_FIELDS.length);
    const sections = new Set(WORK_REPORT_SECTIONS.map((s) => s.key));
    for (const f of WORK_REPORT_FIELDS) {
      expect(sections.has(f.section)).toBe(true);
      if (f.partOf) expect(WORK_REPORT_FIELD_BY_KEY.get(f.partOf)?.kind).toBe('count');
      if (f.when) expect(WORK_REPORT_FIELD_BY_KEY.get(f.when)?.kind).toBe('yesNo');
    }
  });

  it('names a field by section and group, and shows 是/否', () => {
    expect(fieldPath(WORK_REPORT_FIELD_BY_KEY.get('messagesClosed')!)).toBe('互动交流·留言办理·办结留言数量');
    expect(displayValue(WORK_REPORT_FIELD_BY_KEY.get('smartQa')!, false)).toBe('否');
    expect(displayValue(WORK_REPORT_FIELD_BY_KEY.get('smartQa')!, null)).toBe('');
    expect(siteTypeOf({ isPortal: true, name: 'x' })).toBe('政府门户网站');
    expect(siteTypeOf({ isPortal: false, name: '某某专项网站' })).toBe('专项网站');
    expect(siteTypeOf({ isPortal: false, name: '某某局网站' })).toBe('部门网站');
  });
});

describe('checks', () => {
  it('accepts a complete, consistent report', () => {
    expect(checkWorkReport(completeReport(), { submit: true })).toEqual({ errors: [], warnings: [] });
  });

  it('lets a draft be empty but names every missing field at submission', () => {
    expect(checkWorkReport({}, { submit: false }).errors).toEqual([]);
    const missing = messagesOf(checkWorkReport({}, { submit: true }).errors);
    expect(missing).toContain('请填写网站总访问量');
    expect(missing).toContain('请填写互动交流·留言办理·平均办理时间');
    expect(missing).toContain('请填写单位负责人');
    // 微博/微信 rows apply only when there are new media
    expect(missing).not.toContain('请填写移动新媒体·微博·信息发布量');
  });

  it('refuses negative, fractional and non-numeric counts, and malformed days', () => {
    const r = checkWorkReport(
      { totalVisits: -1, infoTotal: 1.5, columnsNew: '3', messagesAvgDays: 1.25 },
      {
        submit: false,
      },
    );
    expect(messagesOf(r.errors)).toEqual([
      '网站总访问量应为不小于 0 的整数',
      '信息发布·总数应为不小于 0 的整数',
      '专栏专题·新开设数量应为不小于 0 的整数',
      '互动交流·留言办理·平均办理时间最多保留一位小数',
    ]);
    expect(messagesOf(checkWorkReport({ messagesAvgDays: -2 }, { submit: false }).errors)).toEqual([
      '互动交流·留言办理·平均办理时间应为不小于 0 的天数',
    ]);
    expect(messagesOf(checkWorkReport({ messagesAvgDays: 400 }, { submit: false }).errors)).toEqual([
      '互动交流·留言办理·平均办理时间不能超过 366 天',
    ]);
    expect(messagesOf(checkWorkReport({ smartQa: 'yes', unitHead: 5 }, { submit: false }).errors)).toEqual([
      '互动交流·是否提供智能问答请选择“是”或“否”',
      '单位负责人应为文字',
    ]);
    expect(messagesOf(checkWorkReport({ unitHead: '张'.repeat(31) }, { submit: false }).errors)).toEqual([
      '单位负责人不能超过 30 个字',
    ]);
    expect(messagesOf(checkWorkReport({ totalVisits: 2e11 }, { submit: false }).errors)).toEqual([
      '网站总访问量数值过大，请核实',
    ]);
  });

  it('trims texts and drops unknown keys', () => {
    const { data, errors } = normalizeWorkReportData({ unitHead: '  李四 ', filler: '   ', junk: 1 });
    expect(errors).toEqual([]);
    expect(data.unitHead).toBe('李四');
    expect(data.filler).toBeNull();
    expect('junk' in data).toBe(false);
  });

  it.each([
    ['uniqueVisitors', 'totalVisits', '独立用户访问总量（1001）不能大于网站总访问量（1000）'],
    ['infoNews', 'infoTotal', '信息发布·政务动态信息更新量（101）不能大于信息发布·总数（100）'],
    [
      'onlineItems',
      'serviceItems',
      '办事服务·可全程在线办理政务服务事项数量（21）不能大于办事服务·政务服务事项数量（20）',
    ],
    [
      'messagesClosed',
      'messagesReceived',
      '互动交流·留言办理·办结留言数量（11）不能大于互动交流·留言办理·收到留言数量（10）',
    ],
    ['securityFixed', 'securityProblems', '安全防护·问题整改数量（11）不能大于安全防护·发现问题数量（10）'],
    ['casesPersons', 'casesTotal', '办事服务·办件量·自然人（41）不能大于办事服务·办件量·总数（40）'],
    [
      'interpretMaterials',
      'interpretTotal',
      '解读回应·解读信息发布·解读材料数量（31）不能大于解读回应·解读信息发布·解读信息发布总数（30）',
    ],
    [
      'surveyResults',
      'surveyRounds',
      '互动交流·征集调查·公布调查结果期数（11）不能大于互动交流·征集调查·征集调查期数（10）',
    ],
    [
      'interviewAnswers',
      'interviewQuestions',
      '互动交流·在线访谈·答复网民提问数量（11）不能大于互动交流·在线访谈·网民留言数量（10）',
    ],
  ])('refuses %s above %s', (part, total, message) => {
    const data = completeReport();
    data[part] = (data[total] as number) + 1;
    expect(messagesOf(checkWorkReport(data, { submit: false }).errors)).toEqual([message]);
  });

  it('wants an average of 0 days when nothing was closed, and a name when there are new media', () => {
    expect(messagesOf(checkWorkReport({ messagesClosed: 0, messagesAvgDays: 3 }, { submit: false }).errors)).toEqual([
      '没有办结留言时，平均办理时间应填 0',
    ]);
    const data = { ...completeReport(), weiboName: null, wechatName: null, otherMedia: null, weiboPosts: null };
    expect(messagesOf(checkWorkReport(data, { submit: true }).errors)).toEqual([
      '有移动新媒体时，请至少填写微博、微信或其他中的一项名称',
    ]);
    const noMedia = { ...data, hasNewMedia: false, wechatPosts: null };
    expect(checkWorkReport(noMedia, { submit: true }).errors).toEqual([]);
    const namedOnly = { ...completeReport(), wechatPosts: null };
    expect(messagesOf(checkWorkReport(namedOnly, { submit: true }).errors)).toEqual([
      '请填写移动新媒体·微信·信息发布量',
    ]);
  });

  it('warns, never refuses, on tenfold changes against last year', () => {
    const previous = completeReport();
    const data = { ...completeReport(), totalVisits: 10_000, uniqueVisitors: 10, registeredUsers: 0 };
    const r = checkWorkReport(data, { submit: true, previous });
    expect(r.errors).toEqual([]);
    expect(messagesOf(r.warnings)).toEqual([
      '网站总访问量（10000）与上一年度（1000）相差 10 倍以上，请核实',
      '办事服务·注册用户数为 0，上一年度为 10，请核实',
    ]);
    const dropped = { ...completeReport(), totalVisits: 100, uniqueVisitors: 10, securityOwner: false };
    expect(messagesOf(checkWorkReport(dropped, { submit: false, previous }).warnings)).toEqual([
      '网站总访问量（100）与上一年度（1000）相差 10 倍以上，请核实',
      '上一年度安全防护·是否明确网站安全责任人为“是”，本年度为“否”，请核实',
    ]);
    expect(checkWorkReport(completeReport(), { submit: true, previous }).warnings).toEqual([]);
    expect(checkWorkReport(data, { submit: true, previous: null }).warnings).toEqual([]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...WORK_REPORT_FIELDS.map((f) => f.key)), fc.jsonValue()), (input) => {
        const r = checkWorkReport(input, { submit: true, previous: completeReport() });
        for (const m of [...r.errors, ...r.warnings]) expect(m.message).toMatch(/[\u4e00-\u9fff]/);
      }),
    );
  });
});

const ROLES: WorkReportRole[] = ['SITE', 'REVIEWER', 'VIEWER'];
const ACTIONS = Object.keys(WORK_REPORT_TRANSITIONS) as WorkReportAction[];

describe('the state machine', () => {
  it.each([
    [null, 'SAVE', 'SITE', 'DRAFT'],
    [null, 'SUBMIT', 'SITE', 'SUBMITTED'],
    ['DRAFT', 'SUBMIT', 'SITE', 'SUBMITTED'],
    ['RETURNED', 'SAVE', 'SITE', 'RETURNED'],
    ['RETURNED', 'SUBMIT', 'SITE', 'SUBMITTED'],
    ['SUBMITTED', 'APPROVE', 'REVIEWER', 'APPROVED'],
    ['SUBMITTED', 'RETURN', 'REVIEWER', 'RETURNED'],
    ['APPROVED', 'PUBLISH', 'SITE', 'PUBLISHED'],
    ['PUBLISHED', 'PUBLISH', 'SITE', 'PUBLISHED'],
  ] as const)('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(decideWorkReport(from, action, role)).toEqual({ ok: true, to });
  });

  it.each([
    ['SUBMITTED', 'SAVE', 'SITE', '年度报表已提交，正在审核，不能修改'],
    ['APPROVED', 'SUBMIT', 'SITE', '年度报表已审核通过，不能修改'],
    ['APPROVED', 'APPROVE', 'REVIEWER', '该年度报表已审核，请刷新后查看'],
    ['RETURNED', 'RETURN', 'REVIEWER', '该年度报表尚未提交（或已被退回），不能审核'],
    ['SUBMITTED', 'PUBLISH', 'SITE', '年度报表审核通过后才能回填发布地址'],
    ['SUBMITTED', 'APPROVE', 'VIEWER', '只有网站的本级组织单位可以审核年度报表，上级单位可以查看'],
    ['SUBMITTED', 'APPROVE', 'SITE', '年度报表由网站的本级组织单位审核'],
    ['DRAFT', 'SUBMIT', 'REVIEWER', '年度报表由填报单位填写和发布'],
  ] as const)('refuses %s --%s by %s: %s', (from, action, role, reason) => {
    const d = decideWorkReport(from, action, role);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toBe(reason);
  });

  it('matches the table for every state × action × role (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<WorkReportState | null>(null, ...WORK_REPORT_STATES),
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...ROLES),
        (state, action, role) => {
          const d = decideWorkReport(state, action, role);
          const t = WORK_REPORT_TRANSITIONS[action];
          const allowed = role === t.by && statesAllowing(action).includes(state ?? 'DRAFT');
          expect(d.ok).toBe(allowed);
          if (d.ok) expect(WORK_REPORT_STATES).toContain(d.to);
          else expect(d.reason).toMatch(/[\u4e00-\u9fff]/);
          expect(workReportAbilities(state, role)[action].allowed).toBe(allowed);
        },
      ),
    );
  });

  it('never lets the reviewer edit or a site decide, and ends in PUBLISHED (property over action sequences)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ACTIONS), fc.constantFrom(...ROLES)), { maxLength: 20 }),
        (steps) => {
          let state: WorkReportState | null = null;
          let everApproved = false;
          for (const [action, role] of steps) {
            const d = decideWorkReport(state, action, role);
            if (!d.ok) continue;
            if (role === 'VIEWER') throw new Error('a viewer acted');
            if (action === 'APPROVE' || action === 'RETURN') expect(role).toBe('REVIEWER');
            if (state === 'APPROVED' || state === 'PUBLISHED')
              expect(d.to === 'APPROVED' || d.to === 'PUBLISHED').toBe(true);
            state = d.to;
            if (state === 'APPROVED') everApproved = true;
            if (state === 'PUBLISHED') expect(everApproved).toBe(true);
          }
        },
      ),
    );
  });
});

const at = (iso: string) => new Date(iso);

describe('the window', () => {
  it('defaults to 1–20 January and publication by 31 January; the report year is the year before', () => {
    expect(defaultWindow(2026)).toEqual({ fillFrom: '2027-01-01', fillTo: '2027-01-20', publishBy: '2027-01-31' });
    expect(reportYearAt(at('2026-12-31T16:00:00Z'))).toBe(2026); // 2027-01-01 00:00 in Shanghai
    expect(reportYearAt(at('2026-12-31T15:59:59Z'))).toBe(2025);
  });

  it('opens on the first day, closes after the last, and keeps a returned report open until publication', () => {
    const w = defaultWindow(2026);
    expect(fillAllowed(2026, w, at('2026-12-31T15:59:59Z'), false)).toEqual({
      ok: false,
      reason: '2026年度工作年度报表自 2027-01-01 起填报，请届时再填写',
    });
    expect(fillAllowed(2026, w, at('2026-12-31T16:00:00Z'), false)).toEqual({ ok: true });
    expect(fillAllowed(2026, w, at('2027-01-20T15:59:59Z'), false)).toEqual({ ok: true });
    expect(fillAllowed(2026, w, at('2027-01-20T16:00:00Z'), false)).toEqual({
      ok: false,
      reason: '2026年度工作年度报表已于 2027-01-20 截止填报，请联系本级组织单位',
    });
    expect(fillAllowed(2026, w, at('2027-01-25T02:00:00Z'), true)).toEqual({ ok: true });
    const late = fillAllowed(2026, w, at('2027-02-01T02:00:00Z'), true);
    expect(late.ok).toBe(false);
    expect(publishedLate(w, at('2027-01-31T15:00:00Z'))).toBe(false);
    expect(publishedLate(w, at('2027-01-31T16:00:00Z'))).toBe(true);
  });

  it('counts a site that has not submitted as overdue from the day after the 填报截止 until the 发布截止', () => {
    const w = defaultWindow(2026);
    expect(pastFillDeadline(w, at('2027-01-20T15:59:59Z'))).toBe(false);
    expect(pastFillDeadline(w, at('2027-01-20T16:00:00Z'))).toBe(true);
    expect(pastFillDeadline(w, at('2027-01-31T15:59:59Z'))).toBe(true);
    expect(pastFillDeadline(w, at('2027-01-31T16:00:00Z'))).toBe(false);
    expect(pastFillDeadline(w, at('2026-12-31T02:00:00Z'))).toBe(false);
  });

  it('checks the root settings', () => {
    expect(windowErrors(2026, defaultWindow(2026))).toEqual([]);
    expect(windowErrors(2026, { fillFrom: '2027-02-30', fillTo: 'x', publishBy: '2027-01-31' })).toEqual([
      '填报开始日期不是有效日期（格式：年-月-日）',
      '填报截止日期不是有效日期（格式：年-月-日）',
    ]);
    expect(windowErrors(2026, { fillFrom: '2027-01-21', fillTo: '2027-01-20', publishBy: '2027-01-19' })).toEqual([
      '填报截止日期不能早于填报开始日期',
      '发布截止日期不能早于填报截止日期',
    ]);
    expect(windowErrors(2026, { fillFrom: '2026-11-30', fillTo: '2027-01-20', publishBy: '2028-01-01' })).toEqual([
      '2026年度报表的填报最早从 2026-12-01 开始',
      '2026年度报表的发布截止日期不能晚于 2027-12-31',
    ]);
  });

  it('asks operating sites that existed in the year, from their opening day', () => {
    expect(mustReport({ runStatus: 'NORMAL', codeIssuedAt: at('2026-06-01T02:00:00Z') }, 2026)).toBe(true);
    expect(mustReport({ runStatus: 'TEMP_OFFLINE', codeIssuedAt: null }, 2026)).toBe(true);
    expect(mustReport({ runStatus: 'PERM_OFFLINE', codeIssuedAt: null }, 2026)).toBe(false);
    expect(mustReport({ runStatus: 'APPLYING', codeIssuedAt: null }, 2026)).toBe(false);
    expect(mustReport({ runStatus: 'NORMAL', codeIssuedAt: at('2026-12-31T16:00:00Z') }, 2026)).toBe(false);
    expect(reportPeriod(2026, at('2026-06-01T02:00:00Z'))).toEqual({ from: '2026-06-01', to: '2026-12-31' });
    expect(reportPeriod(2026, at('2020-06-01T02:00:00Z'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(reportPeriod(2026, null)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
