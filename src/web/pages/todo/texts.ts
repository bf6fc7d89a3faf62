// The Chinese texts of 待办 and of the 填报单位's notices (issue 9), in one place.
export const inboxTexts = {
  title: '待办',
  tabs: { waiting: '待办', done: '已办', below: '下级超期' },
  badgeTitle: (n: number, overdue: number) => `${n} 项待办${overdue > 0 ? `，其中 ${overdue} 项逾期` : ''}`,
  headerLink: '待办',
  columns: {
    type: '申请类型',
    site: '网站名称',
    siteCode: '网站标识码',
    siteOrg: '网站组织单位',
    holder: '待办理单位',
    status: '申报状态',
    arrived: '送达时间',
    waiting: '已等待',
    due: '办理期限',
    action: '操作',
    at: '办理时间',
    what: '办理结果',
    person: '办理人',
    comment: '意见',
  },
  waitingDays: (n: number) => `${n} 个工作日`,
  overdue: '逾期',
  escalated: '超两倍期限',
  go: '去处理',
  view: '查看',
  empty: {
    waiting: '当前没有等待本单位处理的申请',
    done: '本单位还没有办理记录',
    below: '下级组织单位没有超期未办的申请和年度报表',
  },
  deadlineHint: (days: number) =>
    `每一审核环节的办理时限为 ${days} 个工作日（不含周六、周日和法定节假日）；超过时限标记为「逾期」并提醒本单位，超过两倍时限提示上级组织单位。`,
  belowLevel: { escalated: '超过两倍时限', overdue: '全部逾期' },
  belowHint:
    '列出下级组织单位超过办理时限仍未审核的申请和工作年度报表；填报截止后至发布截止日，还列出下级尚未提交工作年度报表的网站（「逾期未填报」「逾期未提交」），「查看」打开该报表或其本级组织单位的填报进度。',
  digest: {
    title: '每日待办汇总',
    description: '每天 08:00 将本单位的待办汇总发送到下面的邮箱（没有待办的日子不发送）。',
    enabled: '接收每日汇总',
    email: '接收邮箱',
    emailPlaceholder: '如 zhangsan@example.gov.cn',
    save: '保存',
    saved: '已保存每日待办汇总设置',
  },
} as const;

export const siteNoticeTexts = {
  title: '审核结果提醒',
  empty: '暂无提醒',
  unread: (n: number) => `${n} 条未读`,
  markAll: '全部标为已读',
  markRead: '标为已读',
  unreadTag: '未读',
} as const;
