// Messages of 通知 (publishing, managing, receipts) and of the attachments they and 下线申请 carry.

export const NOTICE_MESSAGES = {
  noticePublisherOnly: '只有发布单位可以管理该通知',
  noticeReceiptsPublisherOnly: '只有发布单位可以查看阅读情况',
  importantNoticeIssuers: '只有国务院办公厅和省级（部委）组织单位可以发布重要通知',
  provinceNoticeScope: '省级（部委）组织单位只能向本单位及下级组织单位发布通知',
  noticeBodyRequired: '请填写通知正文',
  noticeAttachmentsExpired: '部分附件已失效，请重新上传后再发布',
  noticeAttachmentIssuersOnly: '只有可发布通知的单位可以上传附件',
  attachmentNotMultipart: '请以 multipart/form-data 上传附件',
  attachmentMissing: '请选择要上传的附件',
  attachmentEmpty: '附件是空文件',
  attachmentTooLarge: '附件不能超过 10 MB',
  attachmentTypeUnsupported: (extensions: readonly string[]) =>
    `附件类型不支持，只能上传 ${extensions.join('、')} 文件`,
  attachmentContentMismatch: (ext: string) => `文件内容与扩展名 .${ext} 不符，请确认文件未损坏`,
} as const;
