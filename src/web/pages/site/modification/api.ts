// Calls of 基本信息修改: the form's content, 保存草稿 and 提交.
import type { z } from 'zod';
import type { modificationForm, saveResult } from '../../../../server/modules/site-workspace/schema.ts';
import { api, request } from '../../../request.ts';
import { siteKey } from '../home/api.ts';

export type ModificationForm = z.infer<typeof modificationForm>;
export type SaveResult = z.infer<typeof saveResult>;
export type FormColumn = ModificationForm['columns'][number];

export const modificationKey = [...siteKey, 'modification'] as const;

export interface ModificationBody {
  info: Record<string, unknown>;
  columns: { category: string; names: string; addresses: string }[];
}

export function getModificationForm(): Promise<ModificationForm> {
  return api.get<ModificationForm>('/api/site/modification');
}

export function saveDraft(body: ModificationBody): Promise<SaveResult> {
  return request<SaveResult>('PUT', '/api/site/modification/draft', { body });
}

export function submitModification(body: ModificationBody): Promise<SaveResult> {
  return api.post('/api/site/modification/submit', body);
}
