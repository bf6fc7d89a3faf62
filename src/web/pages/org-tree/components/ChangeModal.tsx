// 迁移 / 停用 / 启用 with a preview first: affected sites and every open review step that will be re-routed, then
// 确认执行 applies the same change in one audited transaction.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { useNotify } from '../../../shared/notify.tsx';
import {
  applyChange,
  previewChange,
  refreshTree,
  type TreeAction,
  type TreeChangePlan,
  type UnitView,
} from '../api.ts';

const text = ot.orgTree;
const LABEL = { MOVE: text.move, DISABLE: text.disable, ENABLE: text.enable } as const;

function Chain({ chain, current, names }: { chain: string[]; current: string | null; names: Record<string, string> }) {
  return (
    <Space size={2} wrap>
      {chain.map((c, i) => (
        <span key={c}>
          {i > 0 && ' → '}
          <Tag color={c === current ? 'orange' : undefined} style={{ marginInlineEnd: 0 }}>
            {names[c] ?? c}
          </Tag>
        </span>
      ))}
    </Space>
  );
}

export function ChangeModal(props: { kind: TreeAction['action'] | null; unit: UnitView | null; onClose: () => void }) {
  const notify = useNotify();
  const [parent, setParent] = useState('');
  const [plan, setPlan] = useState<TreeChangePlan | null>(null);
  const action = (): TreeAction =>
    props.kind === 'MOVE'
      ? { action: 'MOVE', newParentCode: parent.trim() }
      : { action: props.kind === 'ENABLE' ? 'ENABLE' : 'DISABLE' };
  const code = props.unit?.code ?? '';
  const preview = useMutation({
    meta: { inlineError: true },
    mutationFn: () => previewChange(code, action()),
    onSuccess: setPlan,
  });
  const apply = useMutation({
    meta: { inlineError: true },
    mutationFn: () => applyChange(code, action()),
    onSuccess: async () => {
      notify.success(text.applied);
      await refreshTree();
      close();
    },
  });
  const close = () => {
    setPlan(null);
    setParent('');
    preview.reset();
    apply.reset();
    props.onClose();
  };
  const error = preview.error ?? apply.error;
  const title = props.kind ? text.previewTitle(LABEL[props.kind], props.unit?.displayName ?? '') : '';
  return (
    <Modal
      open={props.kind !== null}
      title={title}
      width={900}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{ot.common.cancel}</Button>
          <Button
            onClick={() => preview.mutate()}
            loading={preview.isPending}
            disabled={props.kind === 'MOVE' && !parent.trim()}
          >
            {text.preview}
          </Button>
          <Button
            type="primary"
            danger={props.kind === 'DISABLE'}
            disabled={!plan}
            loading={apply.isPending}
            onClick={() => apply.mutate()}
          >
            {text.apply}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {text.rule}
      </Typography.Paragraph>
      {props.kind === 'MOVE' && (
        <Form layout="inline" style={{ marginBottom: 12 }}>
          <Form.Item label={text.newParent} extra={text.newParentHint}>
            <Input
              value={parent}
              maxLength={6}
              onChange={(e) => {
                setParent(e.target.value);
                setPlan(null);
              }}
              aria-label={text.newParent}
            />
          </Form.Item>
        </Form>
      )}
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {plan && (
        <div data-testid="change-plan">
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag color="blue">{text.affectedSites(plan.affectedSites.total)}</Tag>
            <Tag color="orange">{text.rerouted(plan.rerouted.length)}</Tag>
            <Tag>{text.unchanged(plan.unchangedRequests)}</Tag>
          </Space>
          <Table
            size="small"
            rowKey="requestId"
            dataSource={plan.rerouted}
            pagination={{ pageSize: 5, showSizeChanger: false, hideOnSinglePage: true }}
            columns={[
              { title: ot.stats.colSite, dataIndex: 'siteName', width: 180 },
              {
                title: text.oldChain,
                key: 'old',
                render: (_, s) => <Chain chain={s.oldChain} current={s.oldCurrentOrg} names={plan.names} />,
              },
              {
                title: text.newChain,
                key: 'new',
                render: (_, s) => <Chain chain={s.newChain} current={s.newCurrentOrg} names={plan.names} />,
              },
            ]}
          />
          <Table
            size="small"
            rowKey="id"
            dataSource={plan.affectedSites.items}
            pagination={{ pageSize: 5, showSizeChanger: false, hideOnSinglePage: true }}
            columns={[
              {
                title: ot.stats.colSiteCode,
                dataIndex: 'siteCode',
                width: 120,
                render: (v: string | null) => v ?? '（申请中）',
              },
              { title: ot.stats.colSite, dataIndex: 'name' },
              { title: ot.stats.colUnit, dataIndex: 'orgName', width: 160 },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
