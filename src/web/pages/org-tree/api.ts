// Calls of 挂接关系维护 (root only).
import type { z } from 'zod';
import type {
  childrenResponse,
  createUnitBody,
  historyPage,
  searchResponse,
  TreeAction,
  treeChangePlan,
  unitDetailsBody,
  unitView,
} from '../../../server/modules/org-tree/schema.ts';
import { api, queryClient } from '../../request.ts';

export type TreeNode = z.infer<typeof childrenResponse>['items'][number];
export type UnitView = z.infer<typeof unitView>;
export type UnitDetails = z.input<typeof unitDetailsBody>;
export type CreateUnit = z.input<typeof createUnitBody>;
export type TreeChangePlan = z.infer<typeof treeChangePlan>;
export type HistoryPage = z.infer<typeof historyPage>;
export type SearchHit = z.infer<typeof searchResponse>['items'][number];
export type { TreeAction };

export const children = (parent: string) => api.get<{ items: TreeNode[] }>('/api/org-tree/children', { parent });
export const searchUnits = (q: string) => api.get<{ items: SearchHit[] }>('/api/org-tree/search', { q });
export const getUnit = (code: string) => api.get<UnitView>(`/api/org-tree/units/${code}`);
export const createUnit = (input: CreateUnit) => api.post<{ code: string }>('/api/org-tree/units', input);
export const editUnit = (code: string, input: UnitDetails) =>
  api.post<{ ok: true }>(`/api/org-tree/units/${code}/edit`, input);
export const previewChange = (code: string, action: TreeAction) =>
  api.post<TreeChangePlan>(`/api/org-tree/units/${code}/preview`, action);
export const applyChange = (code: string, action: TreeAction) =>
  api.post<TreeChangePlan>(`/api/org-tree/units/${code}/apply`, action);
export const history = (query: { code?: string; page: number; pageSize: number }) =>
  api.get<HistoryPage>('/api/org-tree/history', query);

export function refreshTree(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['org-tree'] });
}
