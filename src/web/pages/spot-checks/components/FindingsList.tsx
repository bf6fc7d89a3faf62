// 不合格网站清单: one row per non-compliant site — the site (picked from the subtree), the problem type of the
// national single-veto items, description, 整改情况 and 问责人次.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { PROBLEM_TYPE_LABELS, PROBLEM_TYPES, type ReportView } from '../api.ts';
import { SitePicker } from './SitePicker.tsx';

const text = ot.spotChecks;

export function FindingsList({ disabled, known }: { disabled: boolean; known: ReportView['findings'] }) {
  const label = (id: number | undefined) => {
    const f = known.find((k) => k.siteId === id);
    return f ? `${f.siteName}（${f.siteCode ?? ''}，${f.orgName}）` : undefined;
  };
  return (
    <Form.List name="findings">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`${text.findings} ${i + 1}`}
              extra={
                !disabled && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={text.remove}
                  />
                )
              }
            >
              <Row gutter={12}>
                <Col xs={24} md={14}>
                  <Form.Item noStyle shouldUpdate>
                    {(form) => (
                      <Form.Item
                        name={[field.name, 'siteId']}
                        label={text.site}
                        rules={[{ required: true, message: text.sitePlaceholder }]}
                      >
                        <SitePicker
                          disabled={disabled}
                          initialLabel={label(form.getFieldValue(['findings', field.name, 'siteId']))}
                        />
                      </Form.Item>
                    )}
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={[field.name, 'problemType']} label={text.problemType} rules={[{ required: true }]}>
                    <Select
                      disabled={disabled}
                      options={PROBLEM_TYPES.map((p) => ({ value: p, label: PROBLEM_TYPE_LABELS[p] }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={text.description}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input.TextArea disabled={disabled} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={[field.name, 'rectification']} label={text.rectification}>
                    <Input.TextArea disabled={disabled} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}>
                  <Form.Item name={[field.name, 'accountabilityCount']} label={text.accountability}>
                    <InputNumber disabled={disabled} min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          {!disabled && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ problemType: 'VETO_3', accountabilityCount: 0, rectification: '' })}
            >
              {text.addFinding}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
