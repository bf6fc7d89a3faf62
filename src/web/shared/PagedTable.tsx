// The table of a URL-paged list (accounts, login log, batch runs): rows by id, the page's empty text, and the
// 20/50/100 pagination kept in the URL.
import { Empty, Table, type TableColumnsType } from 'antd';
import { type PageParams, tablePagination } from './use-page-params.ts';

export function PagedTable<T extends { id: number }>({
  params,
  query,
  columns,
  width,
  text,
}: {
  params: PageParams;
  /** The list's query: its page of rows and whether it is fetching. */
  query: { data?: { items: T[]; total: number } | undefined; isFetching: boolean };
  columns: TableColumnsType<T>;
  /** The table's scroll width (its columns' total). */
  width: number;
  text: { empty: string; total: (total: number) => string };
}) {
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.empty} />;
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      scroll={{ x: width }}
      locale={{ emptyText: empty }}
      columns={columns}
      dataSource={query.data?.items}
      loading={query.isFetching}
      pagination={tablePagination(params, query.data?.total ?? 0, text.total)}
    />
  );
}
