// 《政府网站监管年度报表》 (附件 of 国办函〔2018〕12号) as data: sections, fields, units, notes, and which values the
// system fills in from its own records. One definition drives the form, the checks and the printable table.

/** 计量单位 of a cell, as printed after the number. */
export type FieldUnit = '个' | '次' | '%' | '条' | '人次';

/** Keys of the values the unit enters (stored in `data`). */
export const ENTERED_KEYS = [
  'errorMessages',
  'errorMessagesOnTime',
  'securityChecks',
  'securityProblems',
  'securityFixed',
  'fakeSitesFound',
  'fakeSitesHandled',
  'trainingSessions',
  'trainees',
] as const;
export type EnteredKey = (typeof ENTERED_KEYS)[number];

/** Keys of the prefilled single values (stored in the prefill snapshot). */
export const PREFILL_KEYS = ['sitesTotal', 'portalSites', 'departmentSites', 'sitesOpened', 'sitesClosed'] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];

/** A rate computed from two other cells of the same section (never entered). */
export interface RateDef {
  key: string;
  label: string;
  numerator: EnteredKey;
  denominator: EnteredKey;
  note: string;
}

export type FieldDef =
  | { source: 'PREFILL'; key: PrefillKey; label: string; unit: FieldUnit; origin: string; note?: string }
  | { source: 'ENTERED'; key: EnteredKey; label: string; unit: FieldUnit; note?: string };

/** The four quarters and the whole year, the columns of the spot-check grid. */
export const SPOT_CHECK_PERIODS = ['q1', 'q2', 'q3', 'q4', 'year'] as const;
export type SpotCheckPeriod = (typeof SPOT_CHECK_PERIODS)[number];
export const SPOT_CHECK_PERIOD_LABELS: Readonly<Record<SpotCheckPeriod, string>> = {
  q1: '第一季度',
  q2: '第二季度',
  q3: '第三季度',
  q4: '第四季度',
  year: '全年',
};

export const SPOT_CHECK_METRICS = [
  'checks',
  'checkedSites',
  'checkRatio',
  'passRate',
  'failedSites',
  'accountability',
] as const;
export type SpotCheckMetric = (typeof SPOT_CHECK_METRICS)[number];

export interface SpotCheckMetricDef {
  key: SpotCheckMetric;
  label: string;
  unit: FieldUnit;
  note: string;
}

export type SectionDef =
  | { kind: 'FIELDS'; key: string; title: string; fields: FieldDef[]; rates?: RateDef[] }
  | { kind: 'SPOT_CHECKS'; key: string; title: string; origin: string; metrics: SpotCheckMetricDef[] };

const SPOT_CHECK_ORIGIN = '本系统「上报抽查情况」中本年度各季度已上报的报告（草稿、被退回的报告不计）';

export const SUPERVISION_REPORT_TITLE = '政府网站监管年度报表';

export const SUPERVISION_SECTIONS: readonly SectionDef[] = [
  {
    kind: 'FIELDS',
    key: 'sites',
    title: '网站总数',
    fields: [
      {
        source: 'PREFILL',
        key: 'sitesTotal',
        label: '网站总数',
        unit: '个',
        origin: '本系统在册网站：截至12月31日已取得网站标识码、未永久下线的网站（不含例外、已删除网站）',
        note: '本地区、本部门（本系统）截至当年12月31日正在运行的政府网站总数',
      },
      {
        source: 'PREFILL',
        key: 'portalSites',
        label: '门户网站',
        unit: '个',
        origin: '同上，其中标记为门户网站的',
      },
      {
        source: 'PREFILL',
        key: 'departmentSites',
        label: '部门网站',
        unit: '个',
        origin: '同上，其中未标记为门户网站的',
      },
    ],
  },
  {
    kind: 'SPOT_CHECKS',
    key: 'spotChecks',
    title: '网站抽查情况',
    origin: SPOT_CHECK_ORIGIN,
    metrics: [
      { key: 'checks', label: '抽查次数', unit: '次', note: '请分别填写每个季度开展抽查的次数和全年抽查总次数' },
      {
        key: 'checkedSites',
        label: '抽查网站数量',
        unit: '个',
        note: '请分别填写每个季度抽查的网站数量和全年抽查网站总数',
      },
      {
        key: 'checkRatio',
        label: '抽查比例',
        unit: '%',
        note: '抽查网站数量占当季度正常运行网站总数的比例；全年为全年抽查网站总数占各季度运行网站数之和的比例',
      },
      { key: 'passRate', label: '合格率', unit: '%', note: '合格网站数量占抽查网站数量的比例' },
      {
        key: 'failedSites',
        label: '不合格网站数量',
        unit: '个',
        note: '请分别填写每个季度抽查发现的不合格网站数量和全年抽查发现的不合格网站总数',
      },
      {
        key: 'accountability',
        label: '问责人次',
        unit: '人次',
        note: '请分别填写每个季度因网站抽查不合格被问责的人次和全年问责总人次',
      },
    ],
  },
  {
    kind: 'FIELDS',
    key: 'openings',
    title: '网站开设整合情况',
    fields: [
      {
        source: 'PREFILL',
        key: 'sitesOpened',
        label: '本年度新开设网站数',
        unit: '个',
        origin: '本系统：本年度内颁发网站标识码的网站（不含已删除网站）',
      },
      {
        source: 'PREFILL',
        key: 'sitesClosed',
        label: '本年度整合迁移网站数',
        unit: '个',
        origin: '本系统：本年度内完成永久下线（关停、整合迁移）的网站',
      },
    ],
  },
  {
    kind: 'FIELDS',
    key: 'errorMessages',
    title: '“我为政府网站找错”平台网民留言办理情况',
    fields: [
      { source: 'ENTERED', key: 'errorMessages', label: '留言数量', unit: '条' },
      { source: 'ENTERED', key: 'errorMessagesOnTime', label: '按期办结数量', unit: '条' },
    ],
    rates: [
      {
        key: 'errorMessagesOnTimeRate',
        label: '按期办结率',
        numerator: 'errorMessagesOnTime',
        denominator: 'errorMessages',
        note: '按期办结数量占留言数量的比例，由系统计算',
      },
    ],
  },
  {
    kind: 'FIELDS',
    key: 'security',
    title: '安全检查情况',
    fields: [
      { source: 'ENTERED', key: 'securityChecks', label: '检查次数', unit: '次' },
      { source: 'ENTERED', key: 'securityProblems', label: '发现问题数量', unit: '个' },
      { source: 'ENTERED', key: 'securityFixed', label: '问题整改数量', unit: '个' },
    ],
  },
  {
    kind: 'FIELDS',
    key: 'fakeSites',
    title: '假冒政府网站处置情况',
    fields: [
      { source: 'ENTERED', key: 'fakeSitesFound', label: '发现假冒政府网站数量', unit: '个' },
      { source: 'ENTERED', key: 'fakeSitesHandled', label: '处置假冒政府网站数量', unit: '个' },
    ],
  },
  {
    kind: 'FIELDS',
    key: 'training',
    title: '人员培训情况',
    fields: [
      { source: 'ENTERED', key: 'trainingSessions', label: '培训次数', unit: '次' },
      { source: 'ENTERED', key: 'trainees', label: '培训人数', unit: '人次' },
    ],
  },
];

/** Entered parts that may not exceed their totals: [part, total]. */
export const PART_OF_TOTAL: ReadonlyArray<readonly [EnteredKey, EnteredKey]> = [
  ['errorMessagesOnTime', 'errorMessages'],
  ['securityFixed', 'securityProblems'],
  ['fakeSitesHandled', 'fakeSitesFound'],
];

/** Every field of the FIELDS sections, in table order. */
export function allFields(): FieldDef[] {
  return SUPERVISION_SECTIONS.flatMap((s) => (s.kind === 'FIELDS' ? s.fields : []));
}

export function enteredField(key: EnteredKey): Extract<FieldDef, { source: 'ENTERED' }> {
  const f = allFields().find((x): x is Extract<FieldDef, { source: 'ENTERED' }> => x.key === key);
  if (!f) throw new RangeError(`Unknown entered field ${key}`);
  return f;
}

/** Upper bound of any count: far above any region's real figures, low enough to catch a typo'd extra digits. */
export const MAX_COUNT = 10_000_000;
