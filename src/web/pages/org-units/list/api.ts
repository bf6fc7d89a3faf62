// Calls of 组织单位信息查询: the caller's subtree, searched and paged.
import type { ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';
import { downloadFile } from '../../../shared/download-file.ts';

export type OrgUnit = ApiResponse<'/api/org-units/{code}', 'get'>;
/** The visible units (SPEC §11.1) with how each relates to the caller's unit. */
export type OrgUnitPage = ApiResponse<'/api/org-query', 'get'>;
export type VisibleOrgUnit = OrgUnitPage['items'][number];
export type OrgQueryScope = 'subtree' | 'ancestors' | 'level1' | 'all';
export type PersonContact = NonNullable<OrgUnit['principal']>;

export interface OrgUnitQuery {
  q?: string;
  scope?: OrgQueryScope;
  level?: number;
  page: number;
  pageSize: number;
}

export function listOrgUnits(query: OrgUnitQuery): Promise<OrgUnitPage> {
  return unwrap(client.GET('/api/org-query', { params: { query } }));
}

/** 导出: every unit matching the filters (not only the page), with contacts. */
export function exportOrgUnits(query: Omit<OrgUnitQuery, 'page' | 'pageSize'>): Promise<void> {
  return downloadFile('/api/org-query/export', { ...query });
}
