// Calls of the root's 栏目类别 page: the dictionary and saving it whole.
import type { ApiBody, ApiResponse } from '../../api/types.ts';
import { client, unwrap } from '../../request.ts';

export type Categories = ApiResponse<'/api/column-categories', 'get'>;
export type CategoriesInput = ApiBody<'/api/column-categories', 'put'>;

export const categoriesKey = ['column-categories'] as const;

export function getCategories(): Promise<Categories> {
  return unwrap(client.GET('/api/column-categories'));
}

export function saveCategories(body: CategoriesInput): Promise<Categories> {
  return unwrap(client.PUT('/api/column-categories', { body }));
}
