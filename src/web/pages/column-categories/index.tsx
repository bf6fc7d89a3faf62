// 栏目类别 (SPEC §5.2, §16 item 23): the root adds, renames, reorders and deactivates the categories that the
// 填报单位 fill in on page 2 of 基本信息修改. Codes in use are never deleted.
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { sw } from '../../locales/site-workspace.zh-CN.ts';
import { errorMessage } from '../../request.ts';
import { useNotify } from '../../shared/notify.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { type CategoriesInput, categoriesKey, getCategories, saveCategories } from './api.ts';

const text = sw.categories;
type Row = CategoriesInput['items'][number] & { stored: boolean; key: string };

export default function ColumnCategoriesPage() {
  const message = useNotify();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: categoriesKey, queryFn: getCategories });
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    if (query.data) setRows(query.data.items.map((c) => ({ ...c, stored: true, key: c.code })));
  }, [query.data]);
  const save = useMutation({
    mutationFn: () =>
      saveCategories({ items: rows.map(({ code, groupName, name, active }) => ({ code, groupName, name, active })) }),
    meta: { inlineError: true },
    onSuccess: (saved) => {
      queryClient.setQueryData(categoriesKey, saved);
      message.success(text.saved);
    },
  });

  const change = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  const add = () =>
    setRows((current) => [
      ...current,
      {
        code: '',
        groupName: '其他',
        name: '',
        active: true,
        stored: false,
        key: `new-${current.length}-${Date.now()}`,
      },
    ]);

  return (
    <>
      <PageHeader title={text.title} />
      <Typography.Paragraph type="secondary">{text.help}</Typography.Paragraph>
      <Table
        rowKey="key"
        size="small"
        loading={query.isPending}
        pagination={false}
        dataSource={rows}
        columns={[
          { title: text.order, width: 60, render: (_, _r, i) => i + 1 },
          {
            title: text.code,
            width: 140,
            render: (_, r, i) =>
              r.stored ? (
                <Typography.Text code>{r.code}</Typography.Text>
              ) : (
                <Input
                  value={r.code}
                  placeholder={text.newCode}
                  aria-label={text.code}
                  onChange={(e) => change(i, { code: e.target.value.toUpperCase() })}
                />
              ),
          },
          {
            title: text.group,
            width: 160,
            render: (_, r, i) => (
              <Input
                value={r.groupName}
                aria-label={text.group}
                onChange={(e) => change(i, { groupName: e.target.value })}
              />
            ),
          },
          {
            title: text.name,
            render: (_, r, i) => (
              <Input value={r.name} aria-label={text.name} onChange={(e) => change(i, { name: e.target.value })} />
            ),
          },
          {
            title: text.active,
            width: 80,
            render: (_, r, i) => (
              <Switch checked={r.active} aria-label={text.active} onChange={(active) => change(i, { active })} />
            ),
          },
          {
            title: '',
            width: 100,
            render: (_, _r, i) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={text.up}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={text.down}
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                />
              </Space>
            ),
          },
        ]}
      />
      {save.error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(save.error)} /> : null}
      <Flex justify="space-between" style={{ marginTop: 16 }}>
        <Button icon={<PlusOutlined />} onClick={add}>
          {text.add}
        </Button>
        <Space>
          <Button
            onClick={() => query.data && setRows(query.data.items.map((c) => ({ ...c, stored: true, key: c.code })))}
          >
            {text.reset}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
            {sw.common.save}
          </Button>
        </Space>
      </Flex>
    </>
  );
}
