// Page 5 「确认提交」: everything as it will be stored (normalised), and the warnings the applicant should look at.
import { Alert, Descriptions, type DescriptionsProps, Form } from 'antd';
import {
  SITE_INFO_LABELS as L,
  PERSON_LABELS as P,
  type SiteContact,
  type SiteInfoInput,
  validateSiteInfo,
} from '../../../../../domain/site-info.ts';
import { t } from '../../../../locales/zh-CN.ts';
import type { OrgLookup } from '../api.ts';

function person(p: SiteContact & { title?: string }) {
  return [p.name, p.title, `${P.officePhone} ${p.officePhone}`, `${P.mobile} ${p.mobile}`, p.email]
    .filter(Boolean)
    .join('，');
}

export function ConfirmStep({ org, submitLabel }: { org: OrgLookup | null; submitLabel: string }) {
  const form = Form.useFormInstance<SiteInfoInput>();
  Form.useWatch([], { form, preserve: true });
  const text = t.applyForm;
  const check = validateSiteInfo(form.getFieldsValue(true) as SiteInfoInput);
  if (!check.ok) return <Alert type="error" showIcon title={text.fixBeforeSubmit} />;
  const v = check.value;
  const yesNo = (b: boolean) => (b ? text.yes : text.no);
  const orgText = org
    ? `${v.orgCode}（${[org.province, org.city, org.county].filter(Boolean).join(' / ')}）`
    : v.orgCode;
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: L.name, children: v.name },
    { key: 'homeUrl', label: L.homeUrl, children: v.homeUrl },
    { key: 'orgCode', label: L.orgCode, children: orgText },
    { key: 'isPortal', label: L.isPortal, children: yesNo(v.isPortal) },
    { key: 'isServicePlatform', label: L.isServicePlatform, children: yesNo(v.isServicePlatform) },
    { key: 'sponsorName', label: L.sponsorName, children: v.sponsorName },
    { key: 'sponsorAddress', label: L.sponsorAddress, children: v.sponsorAddress || text.notFilled },
    { key: 'organizerName', label: L.organizerName, children: v.organizerName || text.notFilled },
    { key: 'maintainerName', label: L.maintainerName, children: v.maintainerName || text.notFilled },
    { key: 'principal', label: L.principal, children: person(v.principal) },
    ...v.contacts.map((c, i) => ({ key: `contact${i}`, label: text.contactTitle(i + 1, true), children: person(c) })),
    { key: 'icpNo', label: L.icpNo, children: v.icpNo },
    { key: 'psbNo', label: L.psbNo, children: v.psbNo },
    { key: 'conacCode', label: L.conacCode, children: v.conacCode || text.notFilled },
    { key: 'chineseDomain', label: L.chineseDomain, children: v.chineseDomain || text.notFilled },
  ];
  return (
    <>
      <Alert type="info" showIcon title={text.confirmHint(submitLabel)} style={{ marginBottom: 16 }} />
      {check.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={text.warningsTitle}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {check.warnings.map((w) => (
                <li key={`${w.field}:${w.message}`}>{w.message}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: 180 } }} />
    </>
  );
}
