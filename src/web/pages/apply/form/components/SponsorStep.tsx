// Page 2 「主办与负责人」: 主办/承办/运维 units and the 网站负责人.
import { Divider, Input } from 'antd';
import { SITE_INFO_LABELS as L } from '../../../../../domain/site-info.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { Field } from './Field.tsx';
import { PersonFields } from './PersonFields.tsx';

export function SponsorStep() {
  const text = t.applyForm;
  return (
    <>
      <Field field="sponsorName" label={L.sponsorName} required extra={text.sponsorHelp}>
        <Input maxLength={100} autoComplete="off" />
      </Field>
      <Field field="sponsorAddress" label={L.sponsorAddress}>
        <Input maxLength={200} autoComplete="off" />
      </Field>
      <Field field="organizerName" label={L.organizerName} extra={text.organizerHelp}>
        <Input maxLength={100} autoComplete="off" />
      </Field>
      <Field field="maintainerName" label={L.maintainerName}>
        <Input maxLength={100} autoComplete="off" />
      </Field>
      <Divider titlePlacement="start">{L.principal}</Divider>
      <PersonFields prefix="principal" withTitle required />
    </>
  );
}
