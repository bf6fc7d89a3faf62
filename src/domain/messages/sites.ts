// Messages of the site register's bulk tools: 批量导入 and the link checks.

export const SITE_MESSAGES = {
  siteImportUsers: '批量导入网站仅限最高权限组织单位和省级（部委）组织单位的管理员使用',
  siteImportNotMultipart: '请以 multipart/form-data 上传要导入的 xlsx 或 CSV 文件',
  siteImportFileMissing: '请选择要导入的 xlsx 或 CSV 文件',
  siteImportTooLarge: '导入文件不能超过 10 MB，请拆分后分批导入',
  /** `changed` says what changed since the preview. */
  siteImportStale: (changed: string) => `${changed}，未导入任何数据；请重新预检后再导入`,
  siteImportRowChanged: (row: number) => `第 ${row} 行的网站在导入期间被修改，请重新预检后再导入`,
  linkCheckTooFrequent: '网址检查过于频繁，请稍后再试',
} as const;
