// Error messages said in several places, written once. Messages of one place stay beside their rule.
export const MESSAGES = {
  /** A request changed between reading and the compare-and-set (someone else decided first). */
  requestStateConflict: '该申请已被其他人处理，请刷新后查看',
  /** A site's run status changed between reading and the compare-and-set. */
  siteStatusChanged: '网站状态已变化，请刷新后查看',
  /** As `siteStatusChanged`, for 例外 / 删除 / 恢复正常 by an organizing unit. */
  siteStatusChangedByOther: '网站状态已被其他人修改，请刷新后查看',
  /** The 16:00 batch: another worker holds the application's row. */
  issuanceHeldElsewhere: '该申请正由另一生成任务处理',
  attachmentNotMultipart: '请以 multipart/form-data 上传附件',
  attachmentMissing: '请选择要上传的附件',
  attachmentEmpty: '附件是空文件',
  attachmentTooLarge: '附件不能超过 10 MB',
  attachmentContentMismatch: (ext: string) => `文件内容与扩展名 .${ext} 不符，请确认文件未损坏`,
} as const;
