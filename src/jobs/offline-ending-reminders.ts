// 每天 09:00 (Asia/Shanghai): sites whose temporary or emergency offline ends tomorrow are told (SPEC §15).
import { sendOfflineEndingNotices } from '../server/modules/offline/offline-ending.ts';
import type { JobDefinition } from './job.ts';

export const offlineEndingRemindersJob: JobDefinition = {
  name: 'offline-ending-reminders',
  schedule: '0 0 9 * * *',
  run: async (ctx) => {
    const r = await sendOfflineEndingNotices(ctx);
    return `${r.status}: ${r.sites} sites told their offline ends tomorrow, ${r.mails} mails queued`;
  },
};
