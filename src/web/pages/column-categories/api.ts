// Calls of the root's 栏目类别 page: the dictionary and saving it whole.
import type { z } from 'zod';
import type { categoriesBody, categoriesView } from '../../../server/modules/site-workspace/schema.ts';
import { api, request } from '../../request.ts';

export type Categories = z.infer<typeof categoriesView>;
export type Category = Categories['items'][number];
export type CategoriesInput = z.input<typeof categoriesBody>;

export const categoriesKey = ['column-categories'] as const;

export function getCategories(): Promise<Categories> {
  return api.get<Categories>('/api/column-categories');
}

export function saveCategories(body: CategoriesInput): Promise<Categories> {
  return request<Categories>('PUT', '/api/column-categories', { body });
}
