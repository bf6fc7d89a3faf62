// Calls of the public 工作年度报表 专栏 of a level-1 unit.
import type { ApiQuery, ApiResponse } from '../../../api/types.ts';
import { ApiError, client, unwrap } from '../../../request.ts';

export type ColumnList = ApiResponse<'/api/public/work-reports/{orgCode}', 'get'>;
export type ColumnQuery = ApiQuery<'/api/public/work-reports/{orgCode}', 'get'>;

/** Null for a unit without a 专栏 (unknown, or not level 1): the page says so itself (no error toast). */
export async function getColumn(orgCode: string, query: ColumnQuery): Promise<ColumnList | null> {
  try {
    return await unwrap(client.GET('/api/public/work-reports/{orgCode}', { params: { path: { orgCode }, query } }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
