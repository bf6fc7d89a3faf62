// Calls of 基本信息修改: the form's content, 保存草稿 and 提交.
import type { ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';
import { siteKey } from '../home/api.ts';

export type ModificationForm = ApiResponse<'/api/site/modification', 'get'>;
export type SaveResult = ApiResponse<'/api/site/modification/draft', 'put'>;
export type FormColumn = ModificationForm['columns'][number];

export const modificationKey = [...siteKey, 'modification'] as const;

export interface ModificationBody {
  info: Record<string, unknown>;
  columns: { category: string; names: string; addresses: string }[];
}

export function getModificationForm(): Promise<ModificationForm> {
  return unwrap(client.GET('/api/site/modification'));
}

export function saveDraft(body: ModificationBody): Promise<SaveResult> {
  return unwrap(client.PUT('/api/site/modification/draft', { body }));
}

export function submitModification(body: ModificationBody): Promise<SaveResult> {
  return unwrap(client.POST('/api/site/modification/submit', { body }));
}
