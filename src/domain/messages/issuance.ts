// Messages of the 16:00 batch, site codes and check codes.

export const ISSUANCE_MESSAGES = {
  /** The 16:00 batch: another worker holds the application's row. */
  issuanceHeldElsewhere: '该申请正由另一生成任务处理',
  issuanceRunning: '另一个标识码生成任务正在运行，本次未执行；请稍后在生成记录中查看其结果',
  issuancePreviewMissing: '预览结果缺失',
} as const;
