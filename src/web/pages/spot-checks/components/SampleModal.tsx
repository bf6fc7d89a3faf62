// 分层随机抽样建议: draws a sample of the subtree's running sites by level × site type; the unit may adopt it.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { type QuarterKey, type Suggestion, suggestSample } from '../api.ts';

const text = ot.spotChecks;

export function SampleModal(props: {
  open: boolean;
  quarter: QuarterKey;
  onClose: () => void;
  onAccept: (s: Suggestion) => void;
}) {
  const [ratio, setRatio] = useState(30);
  const draw = useMutation({ meta: { inlineError: true }, mutationFn: () => suggestSample(props.quarter, ratio) });
  const s = draw.data;
  return (
    <Modal
      title={text.suggestTitle}
      open={props.open}
      onCancel={props.onClose}
      width={720}
      footer={
        <Space>
          <Button onClick={props.onClose}>{ot.common.cancel}</Button>
          <Button type="primary" disabled={!s || s.items.length === 0} onClick={() => s && props.onAccept(s)}>
            {text.accept}
          </Button>
        </Space>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <span>{text.ratio}</span>
        <InputNumber aria-label={text.ratio} min={1} max={100} value={ratio} onChange={(v) => setRatio(v ?? 30)} />
        <Button onClick={() => draw.mutate()} loading={draw.isPending}>
          {text.draw}
        </Button>
      </Space>
      {draw.isError && <Alert type="error" showIcon message={errorMessage(draw.error)} />}
      {s && (
        <>
          <Table
            size="small"
            rowKey="stratum"
            pagination={false}
            dataSource={s.strata}
            columns={[
              { title: text.strata, dataIndex: 'stratum' },
              { title: text.candidates, dataIndex: 'candidates', align: 'right' },
              { title: text.picked, dataIndex: 'picked', align: 'right' },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 12 }}>{text.sampleCount(s.items.length)}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="siteId"
            dataSource={s.items}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            columns={[
              { title: ot.stats.colSiteCode, dataIndex: 'siteCode', width: 120 },
              { title: ot.stats.colSite, dataIndex: 'name' },
              { title: text.strata, dataIndex: 'stratum', width: 140 },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
