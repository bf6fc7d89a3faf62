// The fields of the 《政府网站工作年度报表》 (附件 of 国办函〔2018〕12号) as data: one list drives the form, the checks,
// the printable table and the xlsx column order. Labels and order follow issue 21's outline of the template (the
// template itself was not found in the sources searched; see the README's domain notes); keys are stored, labels not,
// so a label can be corrected without touching stored reports.

/** count: a non-negative integer; days: a non-negative number (one decimal); yesNo: 是/否; text: free text. */
export type WorkReportFieldKind = 'count' | 'days' | 'yesNo' | 'text';

export type WorkReportSectionKey =
  | 'visits'
  | 'publishing'
  | 'columns'
  | 'interpretation'
  | 'services'
  | 'interaction'
  | 'security'
  | 'newMedia'
  | 'innovation'
  | 'signature';

export interface WorkReportSection {
  key: WorkReportSectionKey;
  /** The template's left-column heading; '' for the rows right under the head. */
  label: string;
}

export const WORK_REPORT_SECTIONS: readonly WorkReportSection[] = [
  { key: 'visits', label: '' },
  { key: 'publishing', label: '信息发布' },
  { key: 'columns', label: '专栏专题' },
  { key: 'interpretation', label: '解读回应' },
  { key: 'services', label: '办事服务' },
  { key: 'interaction', label: '互动交流' },
  { key: 'security', label: '安全防护' },
  { key: 'newMedia', label: '移动新媒体' },
  { key: 'innovation', label: '创新发展' },
  { key: 'signature', label: '' },
];

export interface WorkReportField {
  key: string;
  section: WorkReportSectionKey;
  /** A sub-heading within the section, as the template groups rows (留言办理, 微博 …). */
  group?: string;
  label: string;
  kind: WorkReportFieldKind;
  /** The template's unit, shown after the label: 「（单位：条）」. */
  unit?: string;
  /** The field must be filled before submitting (unless `when` says the field does not apply). */
  required: boolean;
  /** The field applies only when this yes/no field is 是 (移动新媒体's accounts). */
  when?: string;
  /** This count is a part of that total: it may not exceed it. */
  partOf?: string;
  /** Compared with last year's report: a tenfold change draws a warning. */
  trend?: boolean;
  maxLength?: number;
}

const count = (
  key: string,
  section: WorkReportSectionKey,
  label: string,
  unit: string,
  extra: Partial<WorkReportField> = {},
): WorkReportField => ({ key, section, label, kind: 'count', unit, required: true, ...extra });
const yesNo = (key: string, section: WorkReportSectionKey, label: string, extra: Partial<WorkReportField> = {}) =>
  ({ key, section, label, kind: 'yesNo', required: true, ...extra }) satisfies WorkReportField;
const text = (
  key: string,
  section: WorkReportSectionKey,
  label: string,
  required: boolean,
  extra: Partial<WorkReportField> = {},
) => ({ key, section, label, kind: 'text', required, maxLength: 100, ...extra }) satisfies WorkReportField;

export const WORK_REPORT_FIELDS: readonly WorkReportField[] = [
  count('uniqueVisitors', 'visits', '独立用户访问总量', '个', { partOf: 'totalVisits', trend: true }),
  count('totalVisits', 'visits', '网站总访问量', '次', { trend: true }),

  count('infoTotal', 'publishing', '总数', '条', { trend: true }),
  count('infoOverview', 'publishing', '概况类信息更新量', '条', { partOf: 'infoTotal' }),
  count('infoNews', 'publishing', '政务动态信息更新量', '条', { partOf: 'infoTotal' }),
  count('infoCatalog', 'publishing', '信息公开目录信息更新量', '条', { partOf: 'infoTotal' }),

  count('columnsMaintained', 'columns', '维护数量', '个'),
  count('columnsNew', 'columns', '新开设数量', '个'),

  count('interpretTotal', 'interpretation', '解读信息发布总数', '条', { group: '解读信息发布' }),
  count('interpretMaterials', 'interpretation', '解读材料数量', '条', {
    group: '解读信息发布',
    partOf: 'interpretTotal',
  }),
  count('interpretProducts', 'interpretation', '解读产品数量', '条', {
    group: '解读信息发布',
    partOf: 'interpretTotal',
  }),
  count('interpretComments', 'interpretation', '媒体评论数量', '条', {
    group: '解读信息发布',
    partOf: 'interpretTotal',
  }),
  count('hotResponses', 'interpretation', '回应公众关注热点或重大舆情数量', '次'),

  yesNo('serviceCatalog', 'services', '是否发布服务事项目录'),
  count('registeredUsers', 'services', '注册用户数', '个', { trend: true }),
  count('serviceItems', 'services', '政务服务事项数量', '项'),
  count('onlineItems', 'services', '可全程在线办理政务服务事项数量', '项', { partOf: 'serviceItems' }),
  count('casesTotal', 'services', '总数', '件', { group: '办件量', trend: true }),
  count('casesPersons', 'services', '自然人', '件', { group: '办件量', partOf: 'casesTotal' }),
  count('casesEntities', 'services', '法人', '件', { group: '办件量', partOf: 'casesTotal' }),

  yesNo('unifiedPlatform', 'interaction', '是否使用统一平台'),
  count('messagesReceived', 'interaction', '收到留言数量', '条', { group: '留言办理', trend: true }),
  count('messagesClosed', 'interaction', '办结留言数量', '条', { group: '留言办理', partOf: 'messagesReceived' }),
  {
    key: 'messagesAvgDays',
    section: 'interaction',
    group: '留言办理',
    label: '平均办理时间',
    kind: 'days',
    unit: '天',
    required: true,
  },
  count('messagesPublic', 'interaction', '公开答复数量', '条', { group: '留言办理', partOf: 'messagesReceived' }),
  count('surveyRounds', 'interaction', '征集调查期数', '期', { group: '征集调查' }),
  count('surveyOpinions', 'interaction', '收到意见数量', '条', { group: '征集调查' }),
  count('surveyResults', 'interaction', '公布调查结果期数', '期', { group: '征集调查', partOf: 'surveyRounds' }),
  count('interviewRounds', 'interaction', '访谈期数', '期', { group: '在线访谈' }),
  count('interviewQuestions', 'interaction', '网民留言数量', '条', { group: '在线访谈' }),
  count('interviewAnswers', 'interaction', '答复网民提问数量', '条', {
    group: '在线访谈',
    partOf: 'interviewQuestions',
  }),
  yesNo('smartQa', 'interaction', '是否提供智能问答'),

  count('securityChecks', 'security', '安全检测评估次数', '次'),
  count('securityProblems', 'security', '发现问题数量', '个'),
  count('securityFixed', 'security', '问题整改数量', '个', { partOf: 'securityProblems' }),
  yesNo('securityMonitoring', 'security', '是否建立安全监测预警机制'),
  yesNo('securityDrills', 'security', '是否开展应急演练'),
  yesNo('securityOwner', 'security', '是否明确网站安全责任人'),

  yesNo('hasNewMedia', 'newMedia', '是否有移动新媒体'),
  text('weiboName', 'newMedia', '名称', false, { group: '微博', when: 'hasNewMedia' }),
  count('weiboPosts', 'newMedia', '信息发布量', '条', { group: '微博', when: 'hasNewMedia', required: false }),
  count('weiboFollowers', 'newMedia', '关注量', '个', { group: '微博', when: 'hasNewMedia', required: false }),
  text('wechatName', 'newMedia', '名称', false, { group: '微信', when: 'hasNewMedia' }),
  count('wechatPosts', 'newMedia', '信息发布量', '条', { group: '微信', when: 'hasNewMedia', required: false }),
  count('wechatSubscribers', 'newMedia', '订阅数', '个', { group: '微信', when: 'hasNewMedia', required: false }),
  text('otherMedia', 'newMedia', '其他', false, { group: '其他', when: 'hasNewMedia', maxLength: 300 }),

  yesNo('searchService', 'innovation', '搜索即服务'),
  yesNo('multiLanguage', 'innovation', '多语言版本'),
  yesNo('accessibility', 'innovation', '无障碍浏览'),
  yesNo('personalization', 'innovation', '千人千网'),
  text('otherInnovation', 'innovation', '其他', false, { maxLength: 300 }),

  text('unitHead', 'signature', '单位负责人', true, { maxLength: 30 }),
  text('reviewer', 'signature', '审核人', true, { maxLength: 30 }),
  text('filler', 'signature', '填报人', true, { maxLength: 30 }),
  text('phone', 'signature', '联系电话', true, { maxLength: 30 }),
];

export const WORK_REPORT_FIELD_BY_KEY: ReadonlyMap<string, WorkReportField> = new Map(
  WORK_REPORT_FIELDS.map((f) => [f.key, f]),
);

/** A report's filled values by field key; null (or absent) = not filled yet. */
export type WorkReportValue = number | boolean | string | null;
export type WorkReportData = Record<string, WorkReportValue>;

/** The label with its unit, as the table prints it: 「网站总访问量（单位：次）」. */
export function fieldTitle(f: WorkReportField): string {
  return f.unit ? `${f.label}（单位：${f.unit}）` : f.label;
}

/** The label with its section and group, for messages and column headers: 「互动交流·留言办理·办结留言数量」. */
export function fieldPath(f: WorkReportField): string {
  const section = WORK_REPORT_SECTIONS.find((s) => s.key === f.section)?.label ?? '';
  return [section, f.group, f.label].filter((p) => p !== undefined && p !== '').join('·');
}

/** Whether a field applies given the other answers (微博/微信 rows only when 是否有移动新媒体 is 是). */
export function fieldApplies(f: WorkReportField, data: WorkReportData): boolean {
  return f.when === undefined || data[f.when] === true;
}

/** A value as the printed table and the xlsx show it: 是/否, numbers as they are, '' when empty. */
export function displayValue(f: WorkReportField, value: WorkReportValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (f.kind === 'yesNo') return value === true ? '是' : value === false ? '否' : '';
  return String(value);
}

/** The register's part of the head (表头), prefilled from the site record, never typed. */
export interface WorkReportHead {
  siteName: string;
  homeUrl: string;
  sponsorName: string;
  /** 政府门户网站 / 部门网站 / 专项网站. */
  siteType: string;
  siteCode: string;
  icpNo: string;
  psbNo: string;
}

export const WORK_REPORT_HEAD_LABELS: Readonly<Record<keyof WorkReportHead, string>> = {
  siteName: '网站名称',
  homeUrl: '首页网址',
  sponsorName: '主办单位',
  siteType: '网站类型',
  siteCode: '政府网站标识码',
  icpNo: 'ICP备案号',
  psbNo: '公安机关备案号',
};

export const SITE_TYPES = ['政府门户网站', '部门网站', '专项网站'] as const;

/**
 * The register knows 门户 or not; a non-portal site is a 部门网站 unless its name says it is a 专项 site (the register
 * has no separate flag for 专项网站).
 */
export function siteTypeOf(site: { isPortal: boolean; name: string }): (typeof SITE_TYPES)[number] {
  if (site.isPortal) return '政府门户网站';
  return /专项|专题网站/.test(site.name) ? '专项网站' : '部门网站';
}

/** The table's title: 「XX网站2026年政府网站工作年度报表」 is how sites title it; the template's is this. */
export function workReportTitle(year: number): string {
  return `政府网站工作年度报表（${year}年度）`;
}
