// The fields of one person (网站负责人 or a 网站联系人): name, [title,] office phone, mobile, e-mail.
import { Col, Input, Row } from 'antd';
import { PERSON_LABELS as P } from '../../../../../domain/site-info.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { Field } from './Field.tsx';

export function PersonFields({
  prefix,
  withTitle,
  required,
}: {
  prefix: string;
  withTitle: boolean;
  required: boolean;
}) {
  const text = t.applyForm;
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Field field={`${prefix}.name`} label={P.name} required={required}>
          <Input maxLength={30} autoComplete="off" />
        </Field>
      </Col>
      {withTitle && (
        <Col xs={24} sm={12}>
          <Field field={`${prefix}.title`} label={P.title} required={required}>
            <Input maxLength={50} autoComplete="off" />
          </Field>
        </Col>
      )}
      <Col xs={24} sm={12}>
        <Field field={`${prefix}.officePhone`} label={P.officePhone} required={required}>
          <Input maxLength={30} placeholder={text.officePhonePlaceholder} autoComplete="off" />
        </Field>
      </Col>
      <Col xs={24} sm={12}>
        <Field field={`${prefix}.mobile`} label={P.mobile} required={required}>
          <Input maxLength={20} placeholder={text.mobilePlaceholder} autoComplete="off" />
        </Field>
      </Col>
      <Col xs={24} sm={12}>
        <Field field={`${prefix}.email`} label={P.email} required={required}>
          <Input maxLength={100} placeholder={text.emailPlaceholder} autoComplete="off" />
        </Field>
      </Col>
    </Row>
  );
}
