// Page 4 「备案与标识」: ICP备案号, 公安机关备案号, 党政机关网站标识, 中文域名.
import { Input } from 'antd';
import { SITE_INFO_LABELS as L } from '../../../../../domain/site-info.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { Field } from './Field.tsx';

export function FilingStep() {
  const text = t.applyForm;
  return (
    <>
      <Field field="icpNo" label={L.icpNo} required extra={text.icpHelp}>
        <Input maxLength={40} placeholder="冀ICP备15003849号" autoComplete="off" />
      </Field>
      <Field field="psbNo" label={L.psbNo} required extra={text.psbHelp}>
        <Input maxLength={40} placeholder="冀公网安备13030202002230号" autoComplete="off" />
      </Field>
      <Field field="conacCode" label={L.conacCode} extra={text.conacHelp}>
        <Input maxLength={200} placeholder="CA061130187606827810001" autoComplete="off" />
      </Field>
      <Field field="chineseDomain" label={L.chineseDomain} extra={text.chineseDomainHelp}>
        <Input maxLength={100} placeholder="海港区教育局.政务" autoComplete="off" />
      </Field>
    </>
  );
}
