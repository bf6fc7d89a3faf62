// Request (申请) contracts shared by the modules that file, review or show requests: the types with their labels and
// a site's 审核流水 entries. Browser-safe like every schema.ts (review/schema.ts re-exports them for the web UI).
import { z } from 'zod';
import type { RequestType } from '../../../domain/requests.ts';

export const REQUEST_TYPES = [
  'NEW_SITE',
  'MODIFY',
  'PORTAL_ON',
  'PORTAL_OFF',
  'SERVICE_ON',
  'SERVICE_OFF',
  'DOMAINS',
  'OFFLINE_TEMP',
  'OFFLINE_PERM',
  'OFFLINE_EMERGENCY',
] as const satisfies readonly RequestType[];

/** 申请类型 as shown in the list filter and the detail view. */
export const REQUEST_TYPE_LABELS: Readonly<Record<RequestType, string>> = {
  NEW_SITE: '新增网站',
  MODIFY: '基本信息修改',
  PORTAL_ON: '申请门户网站',
  PORTAL_OFF: '申请取消门户网站',
  SERVICE_ON: '申请政务服务平台',
  SERVICE_OFF: '申请取消政务服务平台',
  DOMAINS: '维护其他域名',
  OFFLINE_TEMP: '临时下线',
  OFFLINE_PERM: '永久下线',
  OFFLINE_EMERGENCY: '紧急下线',
};

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  unitName: z.string(),
  person: z.string(),
  action: z.string(),
  from: z.string(),
  to: z.string(),
  comment: z.string(),
});
export const auditTrail = z.object({ items: z.array(auditEntry) });
