// 链接检查发现的问题: the subtree's sites whose latest nightly check found an unreachable address, offered as
// 不合格网站清单 entries; the unit ticks the ones it confirms.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { getLinkProblems, type LinkProblem, PROBLEM_TYPE_LABELS } from '../api.ts';

const text = ot.spotChecks;

export function LinkProblemsModal(props: { open: boolean; onClose: () => void; onAdd: (p: LinkProblem[]) => void }) {
  const problems = useQuery({
    queryKey: ['spot-checks', 'link-problems'],
    queryFn: getLinkProblems,
    enabled: props.open,
    staleTime: 0,
  });
  const [selected, setSelected] = useState<number[]>([]);
  const items = problems.data?.items ?? [];
  return (
    <Modal
      title={text.linkProblems}
      open={props.open}
      onCancel={props.onClose}
      width={860}
      footer={
        <Space>
          <Button onClick={props.onClose}>{ot.common.cancel}</Button>
          <Button
            type="primary"
            disabled={selected.length === 0}
            onClick={() => {
              props.onAdd(items.filter((p) => selected.includes(p.siteId)));
              setSelected([]);
            }}
          >
            {text.addSelected(selected.length)}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{text.linkProblemsIntro}</Typography.Paragraph>
      {problems.isError && <Alert type="error" showIcon message={errorMessage(problems.error)} />}
      {problems.data && (
        <Typography.Paragraph>
          {items.length === 0 ? text.linkProblemsNone : text.linkProblemsShown(items.length, problems.data.total)}
        </Typography.Paragraph>
      )}
      <Table<LinkProblem>
        size="small"
        rowKey="siteId"
        loading={problems.isFetching}
        dataSource={items}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        columns={[
          { title: ot.stats.colSiteCode, dataIndex: 'siteCode', width: 116 },
          {
            title: ot.stats.colSite,
            dataIndex: 'name',
            width: 200,
            render: (name: string, p) => (
              <>
                {name}
                <div>
                  <Typography.Text type="secondary">{p.orgName}</Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: text.problemType,
            dataIndex: 'problemType',
            width: 150,
            render: (type: LinkProblem['problemType'], p) => (
              <>
                {PROBLEM_TYPE_LABELS[type]}
                {p.flagged && <Tag color="red">{text.linkFlagged}</Tag>}
              </>
            ),
          },
          { title: text.description, dataIndex: 'description' },
        ]}
      />
    </Modal>
  );
}
