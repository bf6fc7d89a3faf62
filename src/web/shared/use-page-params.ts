// List state (page, page size, search text, filters) kept in the URL, so a reload or a shared link shows the same page.
import type { TablePaginationConfig } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const PAGE_SIZES = [20, 50, 100] as const;

export interface PageParams {
  page: number;
  pageSize: number;
  q: string;
  get(name: string): string | undefined;
  /** Sets values (empty/undefined removes them); any change other than `page` goes back to page 1. */
  update(changes: Record<string, string | number | undefined>): void;
}

export function usePageParams(): PageParams {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sizeParam = Number(params.get('pageSize'));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : PAGE_SIZES[0];
  const update = useCallback(
    (changes: Record<string, string | number | undefined>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      });
    },
    [setParams],
  );
  return { page, pageSize, q: params.get('q') ?? '', get: (name) => params.get(name) ?? undefined, update };
}

/** The antd Table pagination for a URL-kept list: 20/50/100 per page; changing the size goes back to page 1. */
export function tablePagination(
  params: PageParams,
  total: number,
  showTotal: (total: number) => string,
): TablePaginationConfig {
  return {
    current: params.page,
    pageSize: params.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal,
    onChange: (page, pageSize) =>
      pageSize === params.pageSize ? params.update({ page }) : params.update({ pageSize }),
  };
}
