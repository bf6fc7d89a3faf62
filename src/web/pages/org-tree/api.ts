// Calls of 挂接关系维护 (root only).
import type { ApiBody, ApiResponse } from '../../api/types.ts';
import { client, queryClient, unwrap } from '../../request.ts';

export type TreeNode = ApiResponse<'/api/org-tree/children', 'get'>['items'][number];
export type UnitView = ApiResponse<'/api/org-tree/units/{code}', 'get'>;
export type UnitDetails = ApiBody<'/api/org-tree/units/{code}/edit', 'post'>;
export type CreateUnit = ApiBody<'/api/org-tree/units', 'post'>;
export type TreeChangePlan = ApiResponse<'/api/org-tree/units/{code}/preview', 'post'>;
export type HistoryPage = ApiResponse<'/api/org-tree/history', 'get'>;
export type SearchHit = ApiResponse<'/api/org-tree/search', 'get'>['items'][number];
export type TreeAction = ApiBody<'/api/org-tree/units/{code}/preview', 'post'>;

export const children = (parent: string) =>
  unwrap(client.GET('/api/org-tree/children', { params: { query: { parent } } }));
export const searchUnits = (q: string) => unwrap(client.GET('/api/org-tree/search', { params: { query: { q } } }));
export const getUnit = (code: string) =>
  unwrap(client.GET('/api/org-tree/units/{code}', { params: { path: { code } } }));
export const createUnit = (input: CreateUnit) => unwrap(client.POST('/api/org-tree/units', { body: input }));
export const editUnit = (code: string, input: UnitDetails) =>
  unwrap(client.POST('/api/org-tree/units/{code}/edit', { params: { path: { code } }, body: input }));
export const previewChange = (code: string, action: TreeAction) =>
  unwrap(client.POST('/api/org-tree/units/{code}/preview', { params: { path: { code } }, body: action }));
export const applyChange = (code: string, action: TreeAction) =>
  unwrap(client.POST('/api/org-tree/units/{code}/apply', { params: { path: { code } }, body: action }));
export const history = (query: { code?: string; page: number; pageSize: number }) =>
  unwrap(client.GET('/api/org-tree/history', { params: { query } }));

export function refreshTree(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['org-tree'] });
}
