// Page 1 「网站信息」: name, home URL, org code with the auto-filled 省/市/县 columns, portal and 政务服务平台 choices.
import { Col, Form, Input, Radio, Row } from 'antd';
import { SITE_INFO_LABELS as L } from '../../../../../domain/site-info.ts';
import { LinkCheckHint } from '../../../../components/LinkCheckHint.tsx';
import { t } from '../../../../locales/zh-CN.ts';
import type { OrgLookup } from '../api.ts';
import { Field } from './Field.tsx';

const yesNo = [
  { label: t.applyForm.yes, value: true },
  { label: t.applyForm.no, value: false },
];

export function SiteStep({ org, lockedOrg }: { org: OrgLookup | null; lockedOrg: boolean }) {
  const text = t.applyForm;
  const homeUrl = Form.useWatch<string | undefined>('homeUrl');
  return (
    <>
      <Field field="name" label={L.name} required extra={text.nameHelp}>
        <Input maxLength={100} placeholder={text.namePlaceholder} autoComplete="off" />
      </Field>
      <Field
        field="homeUrl"
        label={L.homeUrl}
        required
        extra={
          <>
            {text.homeUrlHelp}
            <LinkCheckHint url={homeUrl} />
          </>
        }
      >
        <Input maxLength={300} placeholder="https://www.example.gov.cn/" autoComplete="off" />
      </Field>
      <Field field="orgCode" label={L.orgCode} required extra={lockedOrg ? text.lockedOnResubmit : text.orgCodeHelp}>
        <Input
          maxLength={10}
          placeholder={text.orgCodePlaceholder}
          autoComplete="off"
          disabled={lockedOrg}
          style={{ maxWidth: 240 }}
        />
      </Field>
      <Row gutter={12}>
        {(['province', 'city', 'county'] as const).map((key) => (
          <Col xs={24} sm={8} key={key}>
            <Form.Item label={text.orgColumns[key]}>
              <Input
                value={org?.[key] ?? ''}
                readOnly
                placeholder={text.autoFilled}
                aria-label={text.orgColumns[key]}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Field field="isPortal" label={L.isPortal} required extra={lockedOrg ? text.lockedOnResubmit : text.portalHelp}>
        <Radio.Group options={yesNo} disabled={lockedOrg} />
      </Field>
      <Field field="isServicePlatform" label={L.isServicePlatform} required>
        <Radio.Group options={yesNo} />
      </Field>
    </>
  );
}
