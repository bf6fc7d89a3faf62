// Messages of the reports: 抽查情况 (quarterly), 监管年度报表 and 工作年度报表.

export const REPORT_MESSAGES = {
  spotCheckProvinceOnly: '上报抽查情况仅供省级（部委）组织单位使用',
  spotCheckViewers: '抽查情况由省级（部委）组织单位填报，国务院办公厅可查看汇总和退回',
  rootOnly: '只有国务院办公厅可以执行此操作',
  chooseProvinceUnit: '请选择省级（部委）组织单位',
  /** A spot-check report was saved, submitted or returned by someone else since it was read. */
  spotCheckReportChanged: '该报告已被修改或已上报，请刷新后再操作',
  spotCheckReturnOnlySubmitted: '只能退回已上报的报告',
  spotCheckReportDecided: '该报告已被其他人处理，请刷新后查看',
  spotCheckDuplicateFindings: '不合格网站清单中有重复的网站',
  spotCheckTooManyFindings: (max: number, count: number) =>
    `不合格网站清单最多列出 ${max} 个网站（抽查数减合格数），当前为 ${count} 个`,
  spotCheckFindingsOutOfScope: '不合格网站须从本单位及下级组织单位的在册网站中选择',
  spotCheckSampleOutOfScope: '抽查样本须从本单位及下级组织单位的在册网站中选择',
  quarterNotStarted: '该季度尚未开始，不能填报',
  spotCheckAlreadySubmittedNoEdit: '本季度抽查情况已上报，不能再修改',
  spotCheckAlreadySubmitted: '本季度抽查情况已上报',
  spotCheckSaveFirst: '请先保存抽查情况，再上报',
  spotCheckWindowNotOpen: (quarter: string, opensOn: string) => `${quarter}的上报自 ${opensOn} 起开放，请届时再上报`,
  supervisionProvinceFillsRootReviews: '监管年度报表由省级（部委）组织单位填报，国务院办公厅负责审核',
  supervisionProvinceOnly: '监管年度报表仅供省级（部委）组织单位填报',
  supervisionRootReviews: '只有国务院办公厅可以审核监管年度报表',
  supervisionUsers: '监管年度报表仅供省级（部委）组织单位和国务院办公厅使用',
  supervisionReportChanged: '该报表已被其他人修改或处理，请刷新后再操作',
  yearNotStarted: (year: number) => `${year}年度尚未开始，不能填报`,
  yearNotEnded: (year: number) => `${year}年度尚未结束，${year + 1}年1月1日起方可提交`,
  workReportColumnNotFound: '没有找到该单位的工作年度报表专栏（专栏按省级、部委单位开设）',
  workReportChanged: '该年度报表已被修改或处理，请刷新后再操作',
  workReportDecided: '该年度报表已被其他人处理，请刷新后查看',
  workReportNotRequired: (year: number) => `本网站无需填报${year}年度工作年度报表（当年未运行或已关停）`,
  /** Names the first three problems; the rest are in the response's details. */
  workReportHasErrors: (problems: readonly string[]) =>
    `年度报表还有 ${problems.length} 处需要修改：${problems.slice(0, 3).join('；')}${problems.length > 3 ? '……' : ''}`,
} as const;
