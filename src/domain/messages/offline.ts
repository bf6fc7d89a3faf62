// Messages of 下线 (applying, completing, restoring) and of an organizing unit changing a site's run status.

export const OFFLINE_MESSAGES = {
  /** A site's run status changed between reading and the compare-and-set. */
  siteStatusChanged: '网站状态已变化，请刷新后查看',
  /** As `siteStatusChanged`, for 例外 / 删除 / 恢复正常 by an organizing unit. */
  siteStatusChangedByOther: '网站状态已被其他人修改，请刷新后查看',
  plannedDateRequired: '请填写计划下线日期',
  offlineAttachmentUnusable: '附件不存在或已用于其他申请，请重新上传',
  siteHasOpenRequestNoOffline: '该网站已有未办结的申请，暂不能申请下线',
  migrationNoticeInFuture: '迁移公告的发布日期不能晚于今天',
  confirmWarningsFirst: '请确认以下提示后再完成下线',
  readOnlyAfterOffline: '该网站已永久下线，填报单位账号只能查看，不能再提交申请或修改信息',
  portalTakenNoRestore: '本组织单位已有门户网站，该网站不能恢复',
  nameOrUrlTakenNoRestore: '网站名称或首页网址已被其他网站使用，该网站不能恢复',
} as const;
