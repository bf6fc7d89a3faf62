// 挂接关系维护 (SPEC §3.5, root only): the tree on the left; the selected unit, its actions (新建下级、修改、迁移、
// 停用/启用 with an impact preview) and its change history on the right.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { ot } from '../../locales/org-tools.zh-CN.ts';
import { levelLabel } from '../../shared/format.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { getUnit, type TreeAction } from './api.ts';
import { ChangeModal } from './components/ChangeModal.tsx';
import { HistoryTable } from './components/HistoryTable.tsx';
import { UnitFormModal } from './components/UnitFormModal.tsx';
import { UnitTree } from './components/UnitTree.tsx';

const text = ot.orgTree;

export default function OrgTreePage() {
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState<'create' | 'edit' | null>(null);
  const [change, setChange] = useState<TreeAction['action'] | null>(null);
  const [version, setVersion] = useState(0);
  const unit = useQuery({
    queryKey: ['org-tree', 'unit', selected],
    queryFn: () => getUnit(selected ?? ''),
    enabled: selected !== null,
  });
  const u = unit.data;
  const bump = () => setVersion((v) => v + 1);
  const person = (p: { name: string; officePhone: string; mobile: string; email: string } | null | undefined) =>
    p ? [p.name, p.officePhone, p.mobile, p.email].filter(Boolean).join(' · ') : ot.common.none;

  return (
    <>
      <PageHeader title={text.title} />
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card size="small">
            <UnitTree selected={selected} onSelect={setSelected} version={version} />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={u ? `${u.displayName}（${u.code}）` : text.detail}>
            {!selected ? (
              <Empty description={text.selectHint} />
            ) : !u ? (
              <Skeleton active />
            ) : (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Button onClick={() => setForm('create')} disabled={u.level >= 3 || !u.enabled}>
                    {text.create}
                  </Button>
                  <Button onClick={() => setForm('edit')}>{text.edit}</Button>
                  <Button onClick={() => setChange('MOVE')} disabled={u.level === 0}>
                    {text.move}
                  </Button>
                  {u.enabled ? (
                    <Button danger onClick={() => setChange('DISABLE')} disabled={u.level === 0}>
                      {text.disable}
                    </Button>
                  ) : (
                    <Button onClick={() => setChange('ENABLE')}>{text.enable}</Button>
                  )}
                </Space>
                <Descriptions
                  size="small"
                  bordered
                  column={{ xs: 1, md: 2 }}
                  items={[
                    { key: 'code', label: text.code, children: u.code },
                    { key: 'level', label: text.level, children: levelLabel(u.level) },
                    { key: 'name', label: text.name, children: u.name },
                    { key: 'display', label: text.displayName, children: u.displayName },
                    { key: 'parent', label: text.parent, children: u.parentCode ?? ot.common.none },
                    {
                      key: 'status',
                      label: text.status,
                      children: u.enabled ? <Tag color="green">{text.enabled}</Tag> : <Tag>{text.disabled}</Tag>,
                    },
                    { key: 'principal', label: text.principal, span: 2, children: person(u.principal) },
                    ...u.contacts.map((c, i) => ({
                      key: `c${i}`,
                      label: text.contact(i + 1),
                      span: 2,
                      children: person(c),
                    })),
                  ]}
                />
              </>
            )}
          </Card>
          <Card size="small" style={{ marginTop: 16 }}>
            <Tabs
              key={selected ?? 'all'}
              items={[
                ...(selected ? [{ key: 'unit', label: text.history, children: <HistoryTable code={selected} /> }] : []),
                { key: 'all', label: text.allHistory, children: <HistoryTable /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <UnitFormModal
        mode={form}
        unit={u ?? null}
        onClose={() => setForm(null)}
        onDone={(code) => {
          setForm(null);
          bump();
          setSelected(code);
        }}
      />
      <ChangeModal
        kind={change}
        unit={u ?? null}
        onClose={() => {
          setChange(null);
          bump();
        }}
      />
    </>
  );
}
