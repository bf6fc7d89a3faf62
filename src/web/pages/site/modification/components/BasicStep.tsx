// Page 1 of 基本信息修改: the editable basic information; 标识码, the organizing unit and the two flags are shown but
// not editable here (SPEC §7.2, §16 item 13).
import { Alert, Descriptions, Divider, Form, Input } from 'antd';
import { SITE_INFO_LABELS as L } from '../../../../../domain/site-info.ts';
import { LinkCheckHint } from '../../../../components/LinkCheckHint.tsx';
import { sw } from '../../../../locales/site-workspace.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { ContactsStep } from '../../../apply/form/components/ContactsStep.tsx';
import { Field } from '../../../apply/form/components/Field.tsx';
import { FilingStep } from '../../../apply/form/components/FilingStep.tsx';
import { SponsorStep } from '../../../apply/form/components/SponsorStep.tsx';
import type { ModificationForm } from '../api.ts';

export function BasicStep({ data }: { data: ModificationForm }) {
  const yesNo = (v: boolean) => (v ? sw.common.yes : sw.common.no);
  // A changed 首页网址 is checked as it is typed; the registered one is checked every night (链接健康).
  const homeUrl = Form.useWatch<string | undefined>('homeUrl');
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={2}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'siteCode', label: sw.home.siteCode, children: data.siteCode },
          { key: 'orgCode', label: L.orgCode, children: data.orgCode },
          { key: 'orgLine', label: sw.home.orgLine, children: data.orgLine.join(' / '), span: 2 },
          { key: 'isPortal', label: L.isPortal, children: yesNo(data.isPortal) },
          { key: 'isServicePlatform', label: L.isServicePlatform, children: yesNo(data.isServicePlatform) },
        ]}
      />
      <Alert type="info" showIcon title={sw.modify.readOnlyHint} style={{ marginBottom: 16 }} />
      <Field field="name" label={L.name} required extra={t.applyForm.nameHelp}>
        <Input maxLength={100} autoComplete="off" />
      </Field>
      <Field
        field="homeUrl"
        label={L.homeUrl}
        required
        extra={
          <>
            {t.applyForm.homeUrlHelp}
            <LinkCheckHint url={homeUrl === data.info.homeUrl ? undefined : homeUrl} />
          </>
        }
      >
        <Input maxLength={300} autoComplete="off" />
      </Field>
      <Divider titlePlacement="start">{t.applyForm.steps.sponsor}</Divider>
      <SponsorStep />
      <Divider titlePlacement="start">{t.applyForm.steps.contacts}</Divider>
      <ContactsStep />
      <Divider titlePlacement="start">{t.applyForm.steps.filing}</Divider>
      <FilingStep />
    </>
  );
}
