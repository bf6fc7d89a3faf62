// Page 2 of 基本信息修改: 栏目（系统）信息, one row per active category in dictionary order (SPEC §5.2): names and
// addresses as 「；」-separated lists in matching order, or 「无」 in both. Addresses typed here are checked live.
import { Button, Form, Input, Table, Tag, Typography } from 'antd';
import { NO_COLUMN } from '../../../../../domain/validation/columns.ts';
import { LinkCheckHint, linkCheckTargets } from '../../../../components/LinkCheckHint.tsx';
import { sw } from '../../../../locales/site-workspace.zh-CN.ts';
import type { FormColumn } from '../api.ts';
import { columnRule } from '../rules.ts';

const text = sw.modify;

/**
 * Whether the addresses typed into one row can be reached: a warning under the field, never a block. Only addresses
 * not already in the loaded form are checked — the registered ones are checked every night (链接健康) — so opening
 * the form does not fire a check for every 栏目 of the site.
 */
function TypedAddressesHint({ index, loaded }: { index: number; loaded: string }) {
  const value = Form.useWatch<string | undefined>(['columns', index, 'addresses']);
  const known = new Set(linkCheckTargets(loaded));
  const typed = linkCheckTargets(value ?? '').filter((url) => !known.has(url));
  return <LinkCheckHint url={typed.join('；')} kind="COLUMN" />;
}

export function ColumnsStep({ columns }: { columns: FormColumn[] }) {
  const form = Form.useFormInstance();
  const fillNone = (index: number) => {
    form.setFieldValue(['columns', index, 'names'], NO_COLUMN);
    form.setFieldValue(['columns', index, 'addresses'], NO_COLUMN);
    void form.validateFields([['columns', index, 'addresses']]).catch(() => undefined);
  };
  return (
    <>
      <Typography.Paragraph type="secondary">
        {text.columnsHelp}
        {text.columnsLinkCheck}
      </Typography.Paragraph>
      <Table
        rowKey="category"
        size="small"
        pagination={false}
        dataSource={columns.map((c, index) => ({ ...c, index }))}
        columns={[
          {
            title: sw.home.columnCategory,
            width: 150,
            render: (_, row) => (
              <>
                <div style={{ fontWeight: 500 }}>{row.categoryName}</div>
                <Tag style={{ marginTop: 4 }}>{row.groupName}</Tag>
              </>
            ),
          },
          {
            title: sw.home.columnNames,
            width: 300,
            render: (_, row) => (
              <Form.Item name={['columns', row.index, 'names']} style={{ marginBottom: 0 }}>
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 6 }}
                  aria-label={`${row.categoryName} ${sw.home.columnNames}`}
                />
              </Form.Item>
            ),
          },
          {
            title: sw.home.columnAddresses,
            render: (_, row) => (
              <>
                <Form.Item
                  name={['columns', row.index, 'addresses']}
                  dependencies={[['columns', row.index, 'names']]}
                  rules={[columnRule(form, row.index, row.categoryName)]}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 6 }}
                    aria-label={`${row.categoryName} ${sw.home.columnAddresses}`}
                  />
                </Form.Item>
                <TypedAddressesHint index={row.index} loaded={row.addresses} />
              </>
            ),
          },
          {
            title: '',
            width: 80,
            render: (_, row) => (
              <Button size="small" type="link" onClick={() => fillNone(row.index)}>
                {text.fillNone}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
