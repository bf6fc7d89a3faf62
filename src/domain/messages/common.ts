// Messages every area says: a record missing or outside the caller's subtree, and the HTTP layer's refusals.

/** A record outside the caller's subtree answers as if it did not exist (404, not 403). */
const hidden = (what: string) => `${what}不存在或无权查看`;

export const COMMON_MESSAGES = {
  recordNotFound: hidden('记录'),
  siteNotFound: hidden('网站'),
  siteCodeNotFound: hidden('该网站标识码'),
  requestNotFound: hidden('申请'),
  offlineRequestNotFound: hidden('下线申请'),
  attachmentNotFound: hidden('附件'),
  orgUnitNotFound: hidden('组织单位'),
  provinceUnitNotFound: hidden('省级（部委）组织单位'),
  accountNotFound: hidden('账号'),
  noticeNotFound: hidden('通知'),
  spotCheckReportNotFound: hidden('抽查情况报告'),
  supervisionReportNotFound: hidden('监管年度报表'),
  workReportNotFound: hidden('年度报表'),
  forbidden: '无权执行此操作',
  /** The form as a whole failed its checks; the fields carry the details. */
  formInvalid: '填写内容不正确',
  formFieldInvalid: (field: string, message: string) => `填写内容不正确：${field}：${message}`,
  fieldFormatInvalid: '格式不正确',
  routeNotFound: '接口不存在',
  urlTooLong: '网址过长',
  urlMalformed: '网址格式不正确',
  requestTimeout: '请求超时，请重试',
  headersTooLarge: '请求头过大',
  requestMalformed: '请求格式不正确',
  rateLimited: '请求过于频繁，请稍后再试',
  payloadTooLarge: '提交的内容过大',
  inputTooDeep: '提交的内容嵌套层级过深，请检查后重试',
  unstorableText: '提交的内容含有无法保存的字符（如空字符），请删除后重试',
  exportsBusy: '当前导出任务较多，请稍后再试',
  databaseUnavailable: '数据库暂时不可用，请稍后重试',
  internalError: '系统内部错误，请稍后重试；如持续出现请联系管理员',
} as const;
